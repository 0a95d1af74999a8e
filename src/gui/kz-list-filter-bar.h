/* kz-list-filter-bar.h
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

#include "kz-list-filter.h"

G_BEGIN_DECLS

#define KZ_TYPE_LIST_FILTER_BAR (kz_list_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (KzListFilterBar, kz_list_filter_bar, KZ, LIST_FILTER_BAR, GtkBox)

/* The search bar, the filter popover and the chips of the active
 * filters above a list.  @settings receives saved views; @page is the
 * window page the views open ("projects"). */
GtkWidget     *kz_list_filter_bar_new          (KzKind           kind,
                                                const char      *page);
KzListFilter  *kz_list_filter_bar_get_filter   (KzListFilterBar *self);
void           kz_list_filter_bar_set_settings (KzListFilterBar *self,
                                                GSettings       *settings);
/* Shows the search bar and focuses its entry. */
void           kz_list_filter_bar_start_search (KzListFilterBar *self);
/* Applies a search text and filter items, as a saved view does. */
void           kz_list_filter_bar_apply        (KzListFilterBar *self,
                                                const char      *search,
                                                const char * const *items);
/* The search entry, for tests. */
GtkEditable   *kz_list_filter_bar_get_entry    (KzListFilterBar *self);

G_END_DECLS
