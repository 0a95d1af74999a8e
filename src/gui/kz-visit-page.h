/* kz-visit-page.h
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

#include <adwaita.h>

#include "kz-context.h"
#include "kz-undo-manager.h"

G_BEGIN_DECLS

#define KZ_TYPE_VISIT_PAGE (kz_visit_page_get_type ())

G_DECLARE_FINAL_TYPE (KzVisitPage, kz_visit_page, KZ, VISIT_PAGE, AdwBin)

/* Visit mode for one organisation: its dossier and the capture of a
 * visit (notes, attendees, maturity self-check, follow-up tasks), saved
 * locally in one undo step.  Action "visit.save" (Ctrl+S) saves,
 * "visit.add-task" adds a follow-up task. */
GtkWidget  *kz_visit_page_new              (KzContext     *context,
                                            KzUndoManager *undo_manager,
                                            const char    *organisation);
const char *kz_visit_page_get_organisation (KzVisitPage   *self);
/* The organisation's name, for the window title. */
const char *kz_visit_page_get_title        (KzVisitPage   *self);

G_END_DECLS
