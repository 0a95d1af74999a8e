/* kz-list-keys.c
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

#define G_LOG_DOMAIN "kz-list-keys"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "kz-list-keys.h"

char *
kz_fold_text (const char *text)
{
  static const struct { const char *from, *to; } map[] = {
    { "ä", "ae" }, { "ö", "oe" }, { "ü", "ue" }, { "ß", "ss" },
  };
  g_autofree char *valid = NULL;
  g_autofree char *composed = NULL;
  g_autofree char *lower = NULL;
  GString *s;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  composed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  lower = g_utf8_casefold (composed ? composed : valid, -1);
  s = g_string_new (lower);
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    g_string_replace (s, map[i].from, map[i].to, 0);

  /* The C locale keeps g_str_to_ascii() independent of the user's
   * language: accents go, unknown characters become "?". */
  {
    g_autofree char *folded = g_str_to_ascii (s->str, "C");

    g_string_free (s, TRUE);
    return g_steal_pointer (&folded);
  }
}

char *
kz_parse_user_date (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  int day = 0, month = 0, year = 0;
  char end = 0;

  if (sscanf (stripped, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 &&
      strlen (stripped) == 10)
    ;
  else if (sscanf (stripped, "%d.%d.%d%c", &day, &month, &year, &end) == 3)
    {
      if (year >= 0 && year < 100)
        year += 2000;
    }
  else
    return NULL;

  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

gboolean
kz_filter_item_split (const char  *item,
                      char       **facet,
                      char       **value)
{
  const char *eq = item ? strchr (item, '=') : NULL;

  if (eq == NULL || eq == item)
    return FALSE;

  *facet = g_strndup (item, eq - item);
  *value = g_strdup (eq + 1);
  return TRUE;
}
