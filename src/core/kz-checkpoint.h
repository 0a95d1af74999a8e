/* kz-checkpoint.h
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

#include "kz-store.h"
#include "kz-undo-manager.h"

G_BEGIN_DECLS

/* Regulatory checkpoints of an organisation: duties that follow from
 * its field of work and size, offered as suggested projects with a
 * milestone.  Nothing is created until the user accepts one. */

typedef enum
{
  KZ_CHECKPOINT_TI,            /* Telematikinfrastruktur connection of care services */
  KZ_CHECKPOINT_SGB_XI_BILLING, /* electronic billing under § 105 SGB XI */
  KZ_CHECKPOINT_NIS2,          /* NIS2 from 50 staff or more than 10 million euro turnover */
  KZ_N_CHECKPOINTS
} KzCheckpointKind;

/* Staff from which NIS2 applies, and the turnover (in cents) above which
 * it applies. */
#define KZ_CHECKPOINT_NIS2_STAFF       50
#define KZ_CHECKPOINT_NIS2_TURNOVER    G_GINT64_CONSTANT (1000000000)

typedef struct
{
  KzCheckpointKind  kind;
  const char       *tag;        /* tag of the project that tracks it */
  char             *title;      /* translated project title */
  char             *reason;     /* translated: why it applies */
  char             *due;        /* YYYY-MM-DD of the suggested milestone */
  char             *project;    /* uuid of the project tracking it, NULL when not accepted */
} KzCheckpoint;

void          kz_checkpoint_free        (KzCheckpoint *checkpoint);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzCheckpoint, kz_checkpoint_free)

/* Which checkpoints apply to @organisation on @today (pure rules, no
 * store).  @today gives the due dates of duties whose date has passed. */
GPtrArray    *kz_checkpoint_evaluate    (KzRecord      *organisation,
                                         GDate         *today);

/* kz_checkpoint_evaluate() plus, for each, the project of
 * @organisation already tracking it (by its tag). */
GPtrArray    *kz_checkpoint_list        (KzStore       *store,
                                         KzRecord      *organisation,
                                         GDate         *today,
                                         GError       **error);

/* Creates a planned project led by @organisation, tagged with the
 * checkpoint's tag, and its milestone, as one undo step.  Returns the
 * new project's uuid. */
char         *kz_checkpoint_accept      (KzUndoManager *undo_manager,
                                         KzRecord      *organisation,
                                         KzCheckpoint  *checkpoint,
                                         GError       **error);

G_END_DECLS
