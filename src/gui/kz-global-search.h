/* kz-global-search.h
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

G_BEGIN_DECLS

#define KZ_TYPE_GLOBAL_SEARCH (kz_global_search_get_type ())

G_DECLARE_FINAL_TYPE (KzGlobalSearch, kz_global_search, KZ, GLOBAL_SEARCH, GtkPopover)

/* Signal "record-activated" (guint kind, const char *uuid). */

GtkWidget   *kz_global_search_new          (void);
void         kz_global_search_set_context  (KzGlobalSearch *self,
                                            KzContext      *context);
/* The search entry and the results, for tests. */
GtkEditable *kz_global_search_get_entry    (KzGlobalSearch *self);
GtkListBox  *kz_global_search_get_results  (KzGlobalSearch *self);
/* Searches @text now, without waiting for the typing to pause. */
void         kz_global_search_search       (KzGlobalSearch *self,
                                            const char     *text);
/* Whether a search is running. */
gboolean     kz_global_search_is_busy      (KzGlobalSearch *self);

/* The second line of a result: "Hannover", "Running · M. Weber". */
char        *kz_global_search_describe     (KzRecord       *record);

G_END_DECLS
