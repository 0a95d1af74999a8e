/* kz-format.c
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

#define G_LOG_DOMAIN "kz-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kz-format.h"

char *
kz_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = NULL;
  guint y, m, d;

  if (iso_date == NULL || sscanf (iso_date, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return NULL;

  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (dt == NULL)
    return g_strdup (iso_date);

  /* Translators: how a date is shown, see g_date_time_format();
   * German uses "%d.%m.%Y". */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/* Inserts the thousands separator into a string of digits. */
static void
append_grouped (GString *out,
                guint64  value)
{
  /* Translators: the thousands separator in numbers; German uses "." */
  const char *sep = C_("number", ",");
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
}

static char *
format_decimal (double value,
                guint  max_decimals)
{
  /* Translators: the decimal separator in numbers; German uses "," */
  const char *point = C_("number", ".");
  GString *out = g_string_new (NULL);
  double scale = pow (10, max_decimals);
  double rounded = round (fabs (value) * scale);
  guint64 whole = (guint64)(rounded / scale);
  guint64 frac = (guint64)fmod (rounded, scale);

  if (value < 0 && rounded > 0)
    g_string_append_c (out, '-');
  append_grouped (out, whole);

  if (frac > 0)
    {
      g_autofree char *f = g_strdup_printf ("%0*" G_GUINT64_FORMAT, (int)max_decimals, frac);

      while (max_decimals > 2 && g_str_has_suffix (f, "0"))
        f[--max_decimals] = 0;
      g_string_append (out, point);
      g_string_append (out, f);
    }

  return g_string_free (out, FALSE);
}

char *
kz_format_int (gint64 value)
{
  return format_decimal (value, 0);
}

char *
kz_format_number (double value)
{
  g_autofree char *s = format_decimal (value, 2);

  /* "12,50" reads oddly for hours; drop a trailing zero. */
  if (strlen (s) > 2 && g_str_has_suffix (s, "0") && strpbrk (s, ".,") != NULL &&
      (s[strlen (s) - 3] == '.' || s[strlen (s) - 3] == ','))
    s[strlen (s) - 1] = 0;

  return g_steal_pointer (&s);
}

char *
kz_format_money (gint64 cents)
{
  g_autofree char *amount = format_decimal (cents / 100.0, 2);

  /* Translators: an amount in euros; German uses "%s €" */
  return g_strdup_printf (_("€%s"), amount);
}

static char *
format_list (KzRecord      *record,
             const KzField *f)
{
  const char * const *items = kz_record_get_list (record, f->name);
  GString *out = g_string_new (NULL);

  for (guint i = 0; items[i]; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, f->vocab ? kz_vocabulary_get_label (f->vocab, items[i]) : items[i]);
    }

  return g_string_free (out, FALSE);
}

char *
kz_format_field (KzRecord   *record,
                 const char *field)
{
  const KzField *f;

  g_return_val_if_fail (KZ_IS_RECORD (record), NULL);

  f = kz_kind_get_field (kz_record_get_kind (record), field);
  g_return_val_if_fail (f != NULL, NULL);

  if (!kz_record_is_set (record, field))
    return NULL;

  switch (f->type)
    {
    case KZ_FIELD_TEXT:
    case KZ_FIELD_TIME:
      return g_strdup (kz_record_get_string (record, field));
    case KZ_FIELD_CHOICE:
      return g_strdup (kz_vocabulary_get_label (f->vocab, kz_record_get_string (record, field)));
    case KZ_FIELD_LIST:
      return format_list (record, f);
    case KZ_FIELD_INT:
      return kz_format_int (kz_record_get_int (record, field));
    case KZ_FIELD_NUMBER:
      return kz_format_number (kz_record_get_number (record, field));
    case KZ_FIELD_MONEY:
      return kz_format_money (kz_record_get_int (record, field));
    case KZ_FIELD_BOOL:
      return g_strdup (kz_record_get_bool (record, field) ? _("Yes") : _("No"));
    case KZ_FIELD_DATE:
      return kz_format_date (kz_record_get_string (record, field));
    case KZ_FIELD_REF:
      return NULL;
    default:
      g_assert_not_reached ();
    }
}
