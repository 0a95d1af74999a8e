/* kz-record-text.c
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

#define G_LOG_DOMAIN "kz-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kz-parse.h"
#include "kz-record.h"

/* Text conversion and validation of record fields. */

static const KzField *
find_field (KzRecord    *self,
            const char  *field,
            GError     **error)
{
  const KzField *f = kz_kind_get_field (kz_record_get_kind (self), field);

  if (f == NULL)
    g_set_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_UNKNOWN_FIELD,
                 _("A %s has no field “%s”."),
                 kz_record_get_info (self)->name, field);

  return f;
}

static char *
money_text (gint64 cents)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d",
                          cents < 0 ? "-" : "",
                          ABS (cents) / 100, (int)(ABS (cents) % 100));
}

char *
kz_record_dup_text (KzRecord   *self,
                    const char *field)
{
  const KzField *f;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (KZ_IS_RECORD (self), NULL);

  if (!(f = find_field (self, field, NULL)))
    {
      g_critical ("%s has no field “%s”", kz_record_get_info (self)->name, field);
      return NULL;
    }
  if (!kz_record_is_set (self, field))
    return NULL;

  switch (f->type)
    {
    case KZ_FIELD_TEXT:
    case KZ_FIELD_CHOICE:
    case KZ_FIELD_DATE:
    case KZ_FIELD_TIME:
    case KZ_FIELD_REF:
      return g_strdup (kz_record_get_string (self, field));
    case KZ_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, kz_record_get_int (self, field));
    case KZ_FIELD_MONEY:
      return money_text (kz_record_get_int (self, field));
    case KZ_FIELD_BOOL:
      return g_strdup (kz_record_get_bool (self, field) ? "true" : "false");
    case KZ_FIELD_NUMBER:
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g",
                                        kz_record_get_number (self, field)));
    case KZ_FIELD_LIST:
      return g_strjoinv (", ", (char **)kz_record_get_list (self, field));
    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_choice (KzRecord       *self,
              const KzField  *f,
              const char     *text,
              GError        **error)
{
  const KzTerm *term = kz_vocabulary_find_label (f->vocab, text);

  if (term == NULL)
    {
      g_set_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_INVALID,
                   _("“%s” is not a known value for “%s”."),
                   text, g_dgettext (GETTEXT_PACKAGE, f->label));
      return FALSE;
    }

  kz_record_set_string (self, f->name, term->id);
  return TRUE;
}

static gboolean
parse_list (KzRecord       *self,
            const KzField  *f,
            const char     *text,
            GError        **error)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",;\n", -1);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i]; i++)
    {
      const char *item = g_strstrip (parts[i]);

      if (item[0] == 0)
        continue;

      if (f->vocab != NULL)
        {
          const KzTerm *term = kz_vocabulary_find_label (f->vocab, item);

          if (term == NULL)
            {
              g_set_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_INVALID,
                           _("“%s” is not a known value for “%s”."),
                           item, g_dgettext (GETTEXT_PACKAGE, f->label));
              return FALSE;
            }
          item = term->id;
        }

      if (!g_ptr_array_find_with_equal_func (items, item, g_str_equal, NULL))
        g_ptr_array_add (items, g_strdup (item));
    }

  g_ptr_array_add (items, NULL);
  kz_record_set_list (self, f->name, (const char * const *)items->pdata);
  return TRUE;
}

static gboolean
parse_value (KzRecord       *self,
             const KzField  *f,
             const char     *text,
             GError        **error)
{
  g_autofree char *s = NULL;
  gint64 i;
  double d;
  gboolean b;

  switch (f->type)
    {
    case KZ_FIELD_TEXT:
      kz_record_set_string (self, f->name, text);
      return TRUE;
    case KZ_FIELD_CHOICE:
      return parse_choice (self, f, text, error);
    case KZ_FIELD_LIST:
      return parse_list (self, f, text, error);
    case KZ_FIELD_INT:
      if (!kz_parse_int (text, &i, error))
        return FALSE;
      kz_record_set_int (self, f->name, i);
      return TRUE;
    case KZ_FIELD_MONEY:
      if (!kz_parse_money (text, &i, error))
        return FALSE;
      kz_record_set_int (self, f->name, i);
      return TRUE;
    case KZ_FIELD_NUMBER:
      if (!kz_parse_decimal (text, &d, error))
        return FALSE;
      kz_record_set_number (self, f->name, d);
      return TRUE;
    case KZ_FIELD_BOOL:
      if (!kz_parse_bool (text, &b, error))
        return FALSE;
      kz_record_set_bool (self, f->name, b);
      return TRUE;
    case KZ_FIELD_DATE:
      if (!(s = kz_parse_date (text, error)))
        return FALSE;
      kz_record_set_string (self, f->name, s);
      return TRUE;
    case KZ_FIELD_TIME:
      if (!(s = kz_parse_time (text, error)))
        return FALSE;
      kz_record_set_string (self, f->name, s);
      return TRUE;
    case KZ_FIELD_REF:
      if (!g_uuid_string_is_valid (text))
        {
          g_set_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_INVALID,
                       _("“%s” does not identify a record."), text);
          return FALSE;
        }
      kz_record_set_string (self, f->name, text);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/**
 * kz_record_set_text:
 *
 * Parses @text for @field.  Surrounding blanks are ignored and empty
 * text clears the field.  On error the field keeps its old value.
 */
gboolean
kz_record_set_text (KzRecord    *self,
                    const char  *field,
                    const char  *text,
                    GError     **error)
{
  g_autofree char *trimmed = NULL;
  const KzField *f;

  g_return_val_if_fail (KZ_IS_RECORD (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!(f = find_field (self, field, error)))
    return FALSE;

  trimmed = g_strstrip (g_strdup (text ? text : ""));
  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_INVALID,
                   _("The text for “%s” is not valid UTF-8."),
                   g_dgettext (GETTEXT_PACKAGE, f->label));
      return FALSE;
    }

  if (trimmed[0] == 0)
    {
      kz_record_unset (self, field);
      return TRUE;
    }

  return parse_value (self, f, trimmed, error);
}

static gboolean
invalid (GError        **error,
         KzRecordError   code,
         const char     *format,
         const KzField  *f)
{
  g_set_error (error, KZ_RECORD_ERROR, code, format,
               g_dgettext (GETTEXT_PACKAGE, f->label));
  return FALSE;
}

static gboolean
validate_number (KzRecord       *self,
                 const KzField  *f,
                 GError        **error)
{
  double value;

  if (f->type == KZ_FIELD_NUMBER)
    value = kz_record_get_number (self, f->name);
  else
    value = kz_record_get_int (self, f->name);

  if ((f->flags & KZ_FIELD_FLAG_LEVEL) && (value < 1 || value > 5))
    return invalid (error, KZ_RECORD_ERROR_INVALID, _("“%s” must be a level from 1 to 5."), f);
  if ((f->flags & KZ_FIELD_FLAG_PERCENT) && (value < 0 || value > 100))
    return invalid (error, KZ_RECORD_ERROR_INVALID, _("“%s” must be between 0 and 100 percent."), f);
  if (value < 0)
    return invalid (error, KZ_RECORD_ERROR_INVALID, _("“%s” must not be negative."), f);

  return TRUE;
}

gboolean
kz_record_validate_field (KzRecord    *self,
                          const char  *field,
                          GError     **error)
{
  const KzField *f;
  const char *s;

  g_return_val_if_fail (KZ_IS_RECORD (self), FALSE);

  if (!(f = find_field (self, field, error)))
    return FALSE;

  if (!kz_record_is_set (self, field) ||
      (f->type == KZ_FIELD_TEXT && kz_record_get_string (self, field)[0] == 0))
    {
      if (f->flags & KZ_FIELD_FLAG_REQUIRED)
        return invalid (error, KZ_RECORD_ERROR_REQUIRED, _("“%s” must not be empty."), f);
      return TRUE;
    }

  switch (f->type)
    {
    case KZ_FIELD_INT:
    case KZ_FIELD_MONEY:
    case KZ_FIELD_NUMBER:
      return validate_number (self, f, error);
    case KZ_FIELD_TEXT:
      s = kz_record_get_string (self, field);
      if ((f->flags & KZ_FIELD_FLAG_EMAIL) && !kz_is_email (s))
        return invalid (error, KZ_RECORD_ERROR_INVALID,
                        _("“%s” must be an e-mail address such as name@example.org."), f);
      if ((f->flags & KZ_FIELD_FLAG_URL) &&
          !g_str_has_prefix (s, "https://") && !g_str_has_prefix (s, "http://"))
        return invalid (error, KZ_RECORD_ERROR_INVALID,
                        _("“%s” must be a web address starting with https://."), f);
      return TRUE;
    default:
      return TRUE;
    }
}

static gboolean
validate_order (KzRecord    *self,
                GError     **error)
{
  const KzKindInfo *info = kz_record_get_info (self);
  g_auto(GStrv) pair = NULL;
  const char *first, *second;

  if (info->end_after == NULL)
    return TRUE;

  pair = g_strsplit (info->end_after, ":", 2);
  first = kz_record_get_string (self, pair[0]);
  second = kz_record_get_string (self, pair[1]);

  if (first != NULL && second != NULL && strcmp (second, first) < 0)
    {
      const KzField *a = kz_kind_get_field (info->kind, pair[0]);
      const KzField *b = kz_kind_get_field (info->kind, pair[1]);

      g_set_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_INVALID,
                   _("“%s” must not be before “%s”."),
                   g_dgettext (GETTEXT_PACKAGE, b->label),
                   g_dgettext (GETTEXT_PACKAGE, a->label));
      return FALSE;
    }

  return TRUE;
}

gboolean
kz_record_validate (KzRecord  *self,
                    GError   **error)
{
  const KzKindInfo *info;

  g_return_val_if_fail (KZ_IS_RECORD (self), FALSE);

  info = kz_record_get_info (self);
  for (guint i = 0; i < info->n_fields; i++)
    if (!kz_record_validate_field (self, info->fields[i].name, error))
      return FALSE;

  if (info->kind == KZ_KIND_REGISTRATION &&
      kz_record_get_int (self, "participants") < 1)
    {
      g_set_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_INVALID,
                   _("A registration needs at least one participant."));
      return FALSE;
    }

  return validate_order (self, error);
}
