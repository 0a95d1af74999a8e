/* kz-csv-export.c
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

#define G_LOG_DOMAIN "kz-csv-export"

#include "config.h"

#include <string.h>

#include "kz-csv-export.h"
#include "kz-exchange-private.h"

#define CSV_SEPARATOR ';'

typedef struct
{
  KzKind          kind;
  GPtrArray      *fields;                /* const KzField * */
  GHashTable     *titles[KZ_N_KINDS];    /* for REF fields */
  GString        *line;
} Export;

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->fields, g_ptr_array_unref);
  for (guint k = 0; k < KZ_N_KINDS; k++)
    g_clear_pointer (&export->titles[k], g_hash_table_unref);
  if (export->line != NULL)
    g_string_free (export->line, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

static char *
format_money (gint64 cents)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ",%02d", cents < 0 ? "-" : "",
                          ABS (cents) / 100, (int)(ABS (cents) % 100));
}

static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *text = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", value));
  char *point = strchr (text, '.');

  if (point != NULL)
    *point = ',';
  return text;
}

static char *
format_list (KzRecord      *record,
             const KzField *f)
{
  const char * const *items = kz_record_get_list (record, f->name);
  GString *out = g_string_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, f->vocab ? kz_vocabulary_get_label (f->vocab, items[i]) : items[i]);
    }

  return g_string_free (out, FALSE);
}

static char *
format_ref (KzRecord      *record,
            const KzField *f,
            GHashTable    *titles)
{
  const char *uuid = kz_record_get_string (record, f->name);
  const char *title = titles ? g_hash_table_lookup (titles, uuid) : NULL;

  /* A reference to a purged record has no name left: keep its id
   * rather than silently dropping the value. */
  return g_strdup (title != NULL ? title : uuid);
}

char *
kz_csv_format_value (KzRecord   *record,
                     const char *field,
                     GHashTable *titles)
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
      return g_strdup_printf ("%" G_GINT64_FORMAT, kz_record_get_int (record, field));
    case KZ_FIELD_NUMBER:
      return format_number (kz_record_get_number (record, field));
    case KZ_FIELD_MONEY:
      return format_money (kz_record_get_int (record, field));
    case KZ_FIELD_BOOL:
      return g_strdup (kz_record_get_bool (record, field) ? _("Yes") : _("No"));
    case KZ_FIELD_DATE:
      return _kz_exchange_german_date (kz_record_get_string (record, field));
    case KZ_FIELD_REF:
      return format_ref (record, f, titles);
    default:
      g_assert_not_reached ();
    }
}

/* Text a spreadsheet would run as a formula.  Numbers and dates we
 * format ourselves are left alone, so "-12,50" stays a number. */
static gboolean
needs_formula_guard (const KzField *f,
                     const char    *text)
{
  switch (f->type)
    {
    case KZ_FIELD_TEXT:
    case KZ_FIELD_CHOICE:
    case KZ_FIELD_LIST:
    case KZ_FIELD_REF:
      return text[0] != 0 && strchr ("=+-@\t\r", text[0]) != NULL;
    default:
      return FALSE;
    }
}

static gboolean
needs_quotes (const char *text)
{
  gsize len = strlen (text);

  return strpbrk (text, ";\"\r\n") != NULL ||
         (len > 0 && (text[0] == ' ' || text[len - 1] == ' '));
}

static void
append_cell (GString    *line,
             const char *text,
             gboolean    guard)
{
  g_autofree char *guarded = guard ? g_strconcat ("'", text, NULL) : NULL;
  const char *value = guarded ? guarded : text;

  if (!needs_quotes (value))
    {
      g_string_append (line, value);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static gboolean
resolve_fields (Export              *export,
                const char * const  *names,
                GError             **error)
{
  const KzKindInfo *info = kz_kind_get_info (export->kind);

  export->fields = g_ptr_array_new ();
  if (names == NULL)
    {
      for (guint i = 0; i < info->n_fields; i++)
        g_ptr_array_add (export->fields, (gpointer)&info->fields[i]);
      return TRUE;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      const KzField *f = kz_kind_get_field (export->kind, names[i]);

      if (f == NULL)
        {
          g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_MAPPING,
                       _("A %s has no field “%s”."), info->name, names[i]);
          return FALSE;
        }
      g_ptr_array_add (export->fields, (gpointer)f);
    }

  return TRUE;
}

static gboolean
load_titles (Export   *export,
             KzStore  *store,
             GError  **error)
{
  for (guint i = 0; i < export->fields->len; i++)
    {
      const KzField *f = export->fields->pdata[i];

      if (f->type != KZ_FIELD_REF || export->titles[f->ref_kind] != NULL)
        continue;
      if (!(export->titles[f->ref_kind] = kz_store_get_titles (store, f->ref_kind, error)))
        return FALSE;
    }

  return TRUE;
}

static void
build_header (Export *export)
{
  g_string_truncate (export->line, 0);
  /* Excel only reads UTF-8 correctly when the file starts with a BOM. */
  g_string_append (export->line, "\xEF\xBB\xBF");
  for (guint i = 0; i < export->fields->len; i++)
    {
      const KzField *f = export->fields->pdata[i];

      if (i > 0)
        g_string_append_c (export->line, CSV_SEPARATOR);
      append_cell (export->line, g_dgettext (GETTEXT_PACKAGE, f->label), FALSE);
    }
  g_string_append (export->line, "\r\n");
}

static void
build_row (Export   *export,
           KzRecord *record)
{
  g_string_truncate (export->line, 0);
  for (guint i = 0; i < export->fields->len; i++)
    {
      const KzField *f = export->fields->pdata[i];
      GHashTable *titles = f->type == KZ_FIELD_REF ? export->titles[f->ref_kind] : NULL;
      g_autofree char *text = kz_csv_format_value (record, f->name, titles);

      if (i > 0)
        g_string_append_c (export->line, CSV_SEPARATOR);
      if (text != NULL)
        append_cell (export->line, text, needs_formula_guard (f, text));
    }
  g_string_append (export->line, "\r\n");
}

static gboolean
write_line (Export         *export,
            GOutputStream  *stream,
            GCancellable   *cancellable,
            GError        **error)
{
  return g_output_stream_write_all (stream, export->line->str, export->line->len,
                                    NULL, cancellable, error);
}

static gboolean
check_record (Export    *export,
              gpointer   item,
              guint      position,
              GError   **error)
{
  if (KZ_IS_RECORD (item) && kz_record_get_kind (item) == export->kind)
    return TRUE;

  g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_FAILED,
               _("Item %u of the list is not a %s."), position + 1,
               kz_kind_get_info (export->kind)->name);
  return FALSE;
}

gboolean
kz_csv_export_to_stream (KzStore             *store,
                         KzKind               kind,
                         GListModel          *records,
                         const char * const  *fields,
                         GOutputStream       *stream,
                         KzProgressFunc       progress_func,
                         gpointer             progress_data,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_auto(Export) export = { kind, NULL, { NULL }, NULL };
  KzProgress progress;
  guint n;

  g_return_val_if_fail (KZ_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < KZ_N_KINDS, FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (records), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  export.line = g_string_sized_new (1024);
  _kz_progress_init (&progress, progress_func, progress_data);
  _kz_progress_phase (&progress, _("Exporting"), 0.0, 1.0);

  if (!resolve_fields (&export, fields, error) || !load_titles (&export, store, error))
    return FALSE;

  build_header (&export);
  if (!write_line (&export, stream, cancellable, error))
    return FALSE;

  n = g_list_model_get_n_items (records);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);

      if (!check_record (&export, record, i, error) ||
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      build_row (&export, record);
      if (!write_line (&export, stream, cancellable, error))
        return FALSE;
      _kz_progress_update (&progress, i + 1, n);
    }

  _kz_progress_done (&progress);
  return TRUE;
}

gboolean
kz_csv_export (KzStore             *store,
               KzKind               kind,
               GListModel          *records,
               const char * const  *fields,
               GFile               *file,
               KzProgressFunc       progress,
               gpointer             progress_data,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(KzAtomicFile) out = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(out = _kz_atomic_file_new (file, cancellable, error)))
    return FALSE;

  if (!kz_csv_export_to_stream (store, kind, records, fields,
                                _kz_atomic_file_get_stream (out),
                                progress, progress_data, cancellable, error))
    return FALSE;

  return _kz_atomic_file_commit (out, cancellable, error);
}
