/* kz-list-keys.h
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

#include <glib.h>

G_BEGIN_DECLS

/* Search text and filter items of list rows, without GTK so that they
 * can be tested on their own. */

/* Lower case ASCII without accents; "ä" becomes "ae", "ß" "ss", so
 * that "lueneb" and "lüneb" both find "Lüneburg". */
char     *kz_fold_text          (const char  *text);
/* "31.12.2026", "31.12.26" or "2026-12-31" -> "2026-12-31"; NULL if
 * the text is no valid date. */
char     *kz_parse_user_date    (const char  *text);
/* "facet=value" -> facet and value; FALSE without "=" or facet. */
gboolean  kz_filter_item_split  (const char  *item,
                                 char       **facet,
                                 char       **value);

G_END_DECLS
