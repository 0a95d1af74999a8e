/* kz-format.h
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

#include "kz-record.h"

G_BEGIN_DECLS

/* Display formatting in the user's language: "31.12.2026" and
 * "12.345,50 €" under German, "31 Dec 2026" and "€12,345.50" under
 * English.  The patterns are translatable strings. */

char *kz_format_date   (const char *iso_date);
char *kz_format_money  (gint64      cents);
char *kz_format_int    (gint64      value);
char *kz_format_number (double      value);
/* Display text of any field; NULL for REF fields and unset values. */
char *kz_format_field  (KzRecord   *record,
                        const char *field);

G_END_DECLS
