/* kz-views.h
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

#include <gio/gio.h>

G_BEGIN_DECLS

/* Saved views: a list page with its search text and filter items,
 * kept in the "saved-views" key as a(sssas): name, page, search,
 * items. */
typedef struct
{
  char  *name;
  char  *page;     /* "projects", "organisations", … */
  char  *search;
  GStrv  items;    /* "status=running", … */
} KzView;

void       kz_view_free        (KzView             *view);
/* KzView *, in the order they were saved. */
GPtrArray *kz_views_load       (GSettings          *settings);
void       kz_views_add        (GSettings          *settings,
                                const char         *name,
                                const char         *page,
                                const char         *search,
                                const char * const *items);
gboolean   kz_views_remove     (GSettings          *settings,
                                guint               index);
gboolean   kz_views_rename     (GSettings          *settings,
                                guint               index,
                                const char         *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzView, kz_view_free)

G_END_DECLS
