/* kz-list-page.h
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
#include "kz-list-filter-bar.h"
#include "kz-list-spec.h"

G_BEGIN_DECLS

#define KZ_TYPE_LIST_PAGE (kz_list_page_get_type ())

G_DECLARE_FINAL_TYPE (KzListPage, kz_list_page, KZ, LIST_PAGE, AdwBin)

GtkWidget        *kz_list_page_new          (KzContext  *context,
                                             KzKind      kind);
KzContext        *kz_list_page_get_context  (KzListPage *self);
void              kz_list_page_set_context  (KzListPage *self,
                                             KzContext  *context);
KzKind            kz_list_page_get_kind     (KzListPage *self);
const KzListSpec *kz_list_page_get_spec     (KzListPage *self);
/* "1,234 projects", or NULL before the first load. */
const char       *kz_list_page_get_subtitle (KzListPage *self);
/* The records shown, filtered and sorted; read lazily. */
GListModel       *kz_list_page_get_model    (KzListPage *self);
/* TRUE while a query or load runs in a worker (for tests and
 * benchmarks). */
gboolean          kz_list_page_is_busy      (KzListPage *self);
/* Loads the records again now if the page is shown, else when it is. */
void              kz_list_page_reload       (KzListPage *self);
/* Search and filters: Ctrl+F, saved views, and the bar for tests. */
void              kz_list_page_start_search (KzListPage *self);
void              kz_list_page_apply_view   (KzListPage *self,
                                             const char *search,
                                             const char * const *items);
KzListFilterBar  *kz_list_page_get_filter_bar (KzListPage *self);

G_END_DECLS
