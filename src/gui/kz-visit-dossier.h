/* kz-visit-dossier.h
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

/* Everything known about an organisation for a visit: projects,
 * contacts, trainings attended, partnerships, maturity trend, open
 * follow-ups and regulatory checkpoints, as groups of rows.  Rows open
 * their record through "win.show-record"; follow-ups are ticked off and
 * checkpoints accepted through @undo_manager. */
GtkWidget *kz_visit_dossier_new (KzContext     *context,
                                 KzUndoManager *undo_manager,
                                 KzRecord      *organisation);

G_END_DECLS
