/* kz-visit-capture.h
 *
 * Copyright 2026 The Kompetenz authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kz-maturity.h"
#include "kz-undo-manager.h"

G_BEGIN_DECLS

/* What an advisor captures during a visit, saved in one undo step as a
 * visit record, a maturity check of the same organisation and day (if
 * any dimension was rated) and its follow-up tasks. */

typedef struct
{
  char *title;
  char *due;      /* YYYY-MM-DD or NULL */
  char *owner;
} KzVisitTaskDraft;

typedef struct
{
  char      *organisation;
  char      *date;          /* YYYY-MM-DD */
  char      *advisor;
  char      *attendees;
  char      *notes;
  guint      scores[KZ_MATURITY_N_DIMENSIONS];   /* 0: not rated */
  char      *check_notes;
  GPtrArray *tasks;         /* KzVisitTaskDraft */
} KzVisitCapture;

KzVisitCapture *kz_visit_capture_new      (const char      *organisation,
                                           const char      *date);
void            kz_visit_capture_free     (KzVisitCapture  *capture);
void            kz_visit_capture_add_task (KzVisitCapture  *capture,
                                           const char      *title,
                                           const char      *due,
                                           const char      *owner);
/* Checks every record first, then saves them as one undo step; nothing
 * is saved when one is invalid.  Returns the visit's uuid. */
char           *kz_visit_capture_save     (KzVisitCapture  *capture,
                                           KzUndoManager   *undo_manager,
                                           GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzVisitCapture, kz_visit_capture_free)

G_END_DECLS
