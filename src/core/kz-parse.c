/* kz-parse.c
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

#define G_LOG_DOMAIN "kz-parse"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kz-parse.h"
#include "kz-record.h"

static gboolean
fail (GError     **error,
      const char  *format,
      const char  *text)
{
  g_set_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_INVALID, format, text);
  return FALSE;
}

/* Removes blanks, currency marks and group separators, and leaves a
 * plain C number with '.' as the decimal point. */
static char *
normalise_number (const char *text)
{
  GString *s = g_string_new (NULL);
  const char *last_dot, *last_comma;
  char decimal;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x20AC || c == '\'')
        continue;
      g_string_append_unichar (s, c);
    }
  if (g_str_has_suffix (s->str, "EUR"))
    g_string_truncate (s, s->len - 3);

  last_dot = strrchr (s->str, '.');
  last_comma = strrchr (s->str, ',');

  if (last_dot && last_comma)
    decimal = last_dot > last_comma ? '.' : ',';
  else if (last_comma)
    decimal = strchr (s->str, ',') == last_comma ? ',' : 0;
  else if (last_dot)
    {
      /* "1.500" is fifteen hundred to a German reader, 1.5 to others. */
      gboolean german = g_str_equal (localeconv ()->decimal_point, ",");
      gboolean several = strchr (s->str, '.') != last_dot;

      decimal = (several || (german && strlen (last_dot + 1) == 3)) ? 0 : '.';
    }
  else
    decimal = 0;

  {
    GString *out = g_string_new (NULL);

    for (const char *p = s->str; *p; p++)
      {
        if (*p == decimal)
          g_string_append_c (out, '.');
        else if (*p != '.' && *p != ',')
          g_string_append_c (out, *p);
      }
    g_string_free (s, TRUE);
    return g_string_free (out, FALSE);
  }
}

gboolean
kz_parse_decimal (const char  *text,
                  double      *out,
                  GError     **error)
{
  g_autofree char *plain = NULL;
  char *end = NULL;
  double d;

  g_return_val_if_fail (text != NULL, FALSE);

  plain = normalise_number (text);
  if (plain[0] == 0)
    return fail (error, _("“%s” is not a number."), text);

  for (const char *p = plain; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && !(p == plain && (*p == '-' || *p == '+')))
      return fail (error, _("“%s” is not a number."), text);

  d = g_ascii_strtod (plain, &end);
  if (end == NULL || *end != 0 || !isfinite (d))
    return fail (error, _("“%s” is not a number."), text);

  *out = d;
  return TRUE;
}

gboolean
kz_parse_money (const char  *text,
                gint64      *out_cents,
                GError     **error)
{
  double d;

  if (!kz_parse_decimal (text, &d, error))
    return FALSE;

  if (fabs (d) > 1e13)
    return fail (error, _("“%s” is too large an amount."), text);

  *out_cents = (gint64)llround (d * 100.0);
  return TRUE;
}

gboolean
kz_parse_int (const char  *text,
              gint64      *out,
              GError     **error)
{
  double d;

  if (!kz_parse_decimal (text, &d, NULL) || d != floor (d) || fabs (d) > 1e15)
    return fail (error, _("“%s” is not a whole number."), text);

  *out = (gint64)d;
  return TRUE;
}

gboolean
kz_parse_bool (const char  *text,
               gboolean    *out,
               GError     **error)
{
  static const char *yes[] = { "true", "yes", "ja", "1", "x", "y", "j", "wahr" };
  static const char *no[] = { "false", "no", "nein", "0", "n", "falsch" };
  g_autofree char *t = g_utf8_strdown (text, -1);

  g_strstrip (t);

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_str_equal (t, yes[i]))
      return (*out = TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_str_equal (t, no[i]))
      {
        *out = FALSE;
        return TRUE;
      }

  return fail (error, _("“%s” is neither yes nor no."), text);
}

char *
kz_parse_date (const char  *text,
               GError     **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  guint y = 0, m = 0, d = 0;
  char tail;

  if (sscanf (t, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3 && strlen (t) == 10)
    ;
  else if (sscanf (t, "%2u.%2u.%4u%c", &d, &m, &y, &tail) == 3)
    {
      const char *year = strrchr (t, '.') + 1;

      if (strlen (year) == 2)
        y += 2000;
      else if (strlen (year) != 4)
        y = 0;
    }
  else
    y = 0;

  if (y < 1900 || y > 2200 || !g_date_valid_dmy (d, m, y))
    {
      fail (error, _("“%s” is not a date. Use the form 31.12.2026."), text);
      return NULL;
    }

  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

char *
kz_parse_time (const char  *text,
               GError     **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  guint h = 0, m = 0;
  char tail;

  if (g_str_has_suffix (t, "Uhr"))
    {
      t[strlen (t) - 3] = 0;
      g_strstrip (t);
    }

  if (!(sscanf (t, "%2u:%2u%c", &h, &m, &tail) == 2 ||
        sscanf (t, "%2u.%2u%c", &h, &m, &tail) == 2 ||
        (sscanf (t, "%2u%c", &h, &tail) == 1 && (m = 0, TRUE))) ||
      h > 23 || m > 59)
    {
      fail (error, _("“%s” is not a time of day. Use the form 14:30."), text);
      return NULL;
    }

  return g_strdup_printf ("%02u:%02u", h, m);
}

gboolean
kz_is_email (const char *text)
{
  const char *at;
  const char *dot;

  if (text == NULL || strchr (text, ' ') != NULL)
    return FALSE;

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  dot = strrchr (at, '.');
  return dot != NULL && dot > at + 1 && dot[1] != 0;
}
