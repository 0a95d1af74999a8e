/* kz-trash-page.h
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

#define KZ_TYPE_TRASH_PAGE (kz_trash_page_get_type ())

G_DECLARE_FINAL_TYPE (KzTrashPage, kz_trash_page, KZ, TRASH_PAGE, AdwBin)

GtkWidget  *kz_trash_page_new          (KzContext     *context,
                                        KzUndoManager *undo_manager);
guint       kz_trash_page_get_n_items  (KzTrashPage   *self);
const char *kz_trash_page_get_subtitle (KzTrashPage   *self);
void        kz_trash_page_reload       (KzTrashPage   *self);

G_END_DECLS
