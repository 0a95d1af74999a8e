/* kz-list-reference.h
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

#include <gtk/gtk.h>

#include "kz-list-filter.h"
#include "kz-list-page-private.h"

G_BEGIN_DECLS

/* The list pages as they were before they queried the store: every
 * record in memory, filtered by matching the filter's items and sorted
 * by a GtkSorter per column.  The tests compare the queries with it. */

/* Matches the items of @filter (its search is not looked at);
 * @organisations maps UUIDs to organisation records, for facets through
 * a REF such as the umbrella association of the lead organisation. */
GtkFilter *kz_list_reference_filter_new (KzListFilter    *filter,
                                         GHashTable      *organisations);
/* Sorts as the column's header did; REF columns by the names in
 * @lookups, in the user's collation. */
GtkSorter *kz_list_reference_sorter_new (KzColumnData    *data,
                                         const KzLookups *lookups);

G_END_DECLS
