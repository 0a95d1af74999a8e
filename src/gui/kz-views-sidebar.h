/* kz-views-sidebar.h
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

#include "kz-views.h"

G_BEGIN_DECLS

#define KZ_TYPE_VIEWS_SIDEBAR (kz_views_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (KzViewsSidebar, kz_views_sidebar, KZ, VIEWS_SIDEBAR, GtkBox)

/* The saved views under a "Views" heading in the sidebar, each with
 * buttons to rename and remove it.
 *
 * Signal "view-activated" (const KzView *view). */

GtkWidget  *kz_views_sidebar_new           (void);
void        kz_views_sidebar_set_settings  (KzViewsSidebar *self,
                                            GSettings      *settings);
GtkListBox *kz_views_sidebar_get_list      (KzViewsSidebar *self);
/* Activates the view at @index; FALSE if there is none. */
gboolean    kz_views_sidebar_activate      (KzViewsSidebar *self,
                                            guint           index);
void        kz_views_sidebar_unselect      (KzViewsSidebar *self);

G_END_DECLS
