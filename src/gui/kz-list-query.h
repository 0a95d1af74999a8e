/* kz-list-query.h
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

#include "kz-list-page-private.h"

G_BEGIN_DECLS

/* The rows' query: search, filters and the sort of the view. */
GtkSorter       *_kz_list_page_create_probe_sorter (KzColumnData *data);
void             _kz_list_page_apply_sort          (KzListPage   *self);
void             _kz_list_page_refresh             (KzListPage   *self,
                                                    gboolean      other_rows);
void             _kz_list_page_show_error          (KzListPage   *self,
                                                    const GError *error);
void             _kz_list_page_sorter_changed_cb   (KzListPage   *self);
void             _kz_list_page_filter_changed_cb   (KzListPage   *self);

G_END_DECLS
