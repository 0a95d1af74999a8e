/* kz-parse.h
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

/* Lenient parsers for what people type or spreadsheets contain.
 * They accept canonical forms (ISO dates, "1234.50") as well as German
 * ones ("31.12.2026", "1.234,50 €").  Errors are translated and name
 * the offending text. */

gboolean kz_parse_int     (const char  *text,
                           gint64      *out,
                           GError     **error);
gboolean kz_parse_decimal (const char  *text,
                           double      *out,
                           GError     **error);
gboolean kz_parse_money   (const char  *text,
                           gint64      *out_cents,
                           GError     **error);
gboolean kz_parse_bool    (const char  *text,
                           gboolean    *out,
                           GError     **error);
/* Returns a newly allocated "YYYY-MM-DD". */
char    *kz_parse_date    (const char  *text,
                           GError     **error);
/* Returns a newly allocated "HH:MM". */
char    *kz_parse_time    (const char  *text,
                           GError     **error);

gboolean kz_is_email      (const char  *text);

G_END_DECLS
