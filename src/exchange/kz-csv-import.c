/* kz-csv-import.c
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

#define G_LOG_DOMAIN "kz-csv-import"

#include "config.h"

#include <string.h>

#include "kz-csv-import-private.h"

struct _KzCsvImport
{
  GObject               parent_instance;

  KzStore              *store;
  KzKind                kind;
  GBytes               *bytes;
  char                 *label;

  KzCsvEncoding         encoding;
  char                  separator;
  KzCsvTable           *table;
  const char          **column_fields;   /* n_columns field names (static) */
  GHashTable           *defaults;        /* field name -> text */
  KzCsvDuplicatePolicy  policy;
  gboolean              strict;

  guint                 n_created;
  guint                 n_updated;
  guint                 n_skipped;
  GListStore           *rejected;
};

G_DEFINE_FINAL_TYPE (KzCsvImport, kz_csv_import, G_TYPE_OBJECT)

static void
kz_csv_import_finalize (GObject *object)
{
  KzCsvImport *self = (KzCsvImport *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->table, _kz_csv_table_free);
  g_clear_pointer (&self->column_fields, g_free);
  g_clear_pointer (&self->defaults, g_hash_table_unref);
  g_clear_object (&self->rejected);

  G_OBJECT_CLASS (kz_csv_import_parent_class)->finalize (object);
}

static void
kz_csv_import_class_init (KzCsvImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kz_csv_import_finalize;
}

static void
kz_csv_import_init (KzCsvImport *self)
{
  self->defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rejected = g_list_store_new (KZ_TYPE_CSV_ROW);
  self->policy = KZ_CSV_DUPLICATE_SKIP;
}

gboolean
kz_csv_import_kind_supported (KzKind kind)
{
  return kind == KZ_KIND_ORGANISATION || kind == KZ_KIND_FIRM ||
         kind == KZ_KIND_PROJECT || kind == KZ_KIND_TRAINING;
}

const char *
kz_csv_encoding_get_name (KzCsvEncoding encoding)
{
  switch (encoding)
    {
    case KZ_CSV_ENCODING_UTF8:
      return "UTF-8";
    case KZ_CSV_ENCODING_UTF8_BOM:
      return _("UTF-8 with BOM");
    case KZ_CSV_ENCODING_UTF16:
      return "UTF-16";
    case KZ_CSV_ENCODING_WINDOWS_1252:
      return "Windows-1252";
    case KZ_CSV_ENCODING_LATIN1:
      return "ISO-8859-1";
    case KZ_CSV_ENCODING_AUTO:
    default:
      return _("Automatic");
    }
}

static void
auto_map (KzCsvImport *self)
{
  guint n = self->table->header->n_cells;

  g_clear_pointer (&self->column_fields, g_free);
  self->column_fields = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *field = _kz_csv_match_header (self->kind, self->table->header->cells[i]);

      if (field != NULL && kz_csv_import_find_column (self, field) < 0)
        self->column_fields[i] = field;
    }
}

/* Excel understands a first line "sep=;" and hides it: so do we. */
static gsize
skip_separator_hint (const char *text,
                     gsize       length,
                     char       *separator)
{
  if (length < 6 || g_ascii_strncasecmp (text, "sep=", 4) != 0 ||
      (text[5] != '\r' && text[5] != '\n') || strchr (";,\t", text[4]) == NULL)
    return 0;

  if (*separator == 0)
    *separator = text[4];
  return text[5] == '\r' && length > 6 && text[6] == '\n' ? 7 : 6;
}

/* Decodes and parses the file; on error the import keeps its old state. */
static gboolean
load (KzCsvImport    *self,
      KzCsvEncoding   encoding,
      char            separator,
      GCancellable   *cancellable,
      GError        **error)
{
  g_autofree char *text = NULL;
  KzCsvTable *table;
  gsize length = 0, start;

  if (!(text = _kz_csv_decode (self->bytes, &encoding, &length, error)))
    return FALSE;

  start = skip_separator_hint (text, length, &separator);
  if (separator == 0)
    separator = _kz_csv_detect_separator (text + start, length - start);

  if (!(table = _kz_csv_parse (text + start, length - start, separator, cancellable, error)))
    return FALSE;

  g_clear_pointer (&self->table, _kz_csv_table_free);
  self->table = table;
  self->encoding = encoding;
  self->separator = separator;
  auto_map (self);

  return TRUE;
}

static gboolean
check_kind (KzKind    kind,
            GError  **error)
{
  if (kz_csv_import_kind_supported (kind))
    return TRUE;

  g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_UNSUPPORTED,
               _("%s cannot be imported from CSV files."),
               g_dgettext (GETTEXT_PACKAGE, kz_kind_get_info (kind)->plural_label));
  return FALSE;
}

static KzCsvImport *
import_new (KzStore       *store,
            KzKind         kind,
            GBytes        *bytes,
            const char    *label,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(KzCsvImport) self = NULL;

  if (!check_kind (kind, error))
    return NULL;

  self = g_object_new (KZ_TYPE_CSV_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->bytes = g_bytes_ref (bytes);
  self->label = g_strdup (label);

  if (!load (self, KZ_CSV_ENCODING_AUTO, 0, cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

KzCsvImport *
kz_csv_import_new_for_bytes (KzStore  *store,
                             KzKind    kind,
                             GBytes   *bytes,
                             GError  **error)
{
  g_return_val_if_fail (KZ_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  return import_new (store, kind, bytes, _("CSV import"), NULL, error);
}

static gboolean
check_file_size (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, error);

  if (info == NULL)
    return FALSE;

  if (g_file_info_get_size (info) > KZ_CSV_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_TOO_LARGE,
                   _("The file is too large to import (more than %d MB)."),
                   KZ_CSV_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }

  return TRUE;
}

KzCsvImport *
kz_csv_import_new_for_file (KzStore       *store,
                            KzKind         kind,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (KZ_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!check_file_size (file, cancellable, error) ||
      !(bytes = g_file_load_bytes (file, cancellable, NULL, error)))
    return NULL;

  name = g_file_get_basename (file);
  /* Translators: the label of the undo step; %s is a file name */
  label = g_strdup_printf (_("Import of “%s”"), name);

  return import_new (store, kind, bytes, label, cancellable, error);
}

KzStore *
kz_csv_import_get_store (KzCsvImport *self)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), NULL);
  return self->store;
}

KzKind
kz_csv_import_get_kind (KzCsvImport *self)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), KZ_N_KINDS);
  return self->kind;
}

KzCsvEncoding
kz_csv_import_get_encoding (KzCsvImport *self)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), KZ_CSV_ENCODING_AUTO);
  return self->encoding;
}

gboolean
kz_csv_import_set_encoding (KzCsvImport    *self,
                            KzCsvEncoding   encoding,
                            GError        **error)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), FALSE);

  return load (self, encoding, self->separator, NULL, error);
}

char
kz_csv_import_get_separator (KzCsvImport *self)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), 0);
  return self->separator;
}

gboolean
kz_csv_import_set_separator (KzCsvImport  *self,
                             char          separator,
                             GError      **error)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (separator == ';' || separator == ',' || separator == '\t', FALSE);

  return load (self, self->encoding, separator, NULL, error);
}

guint
kz_csv_import_get_n_columns (KzCsvImport *self)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), 0);
  return self->table->header->n_cells;
}

const char *
kz_csv_import_get_header (KzCsvImport *self,
                          guint        column)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->table->header->n_cells, NULL);

  return self->table->header->cells[column];
}

guint
kz_csv_import_get_n_rows (KzCsvImport *self)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), 0);
  return self->table->lines->len;
}

const char *
kz_csv_import_get_column_field (KzCsvImport *self,
                                guint        column)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->table->header->n_cells, NULL);

  return self->column_fields[column];
}

gboolean
kz_csv_import_set_column_field (KzCsvImport  *self,
                                guint         column,
                                const char   *field,
                                GError      **error)
{
  const KzField *f = NULL;
  int other;

  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (column < self->table->header->n_cells, FALSE);

  if (field != NULL && !(f = kz_kind_get_field (self->kind, field)))
    {
      g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_MAPPING,
                   _("A %s has no field “%s”."), kz_kind_get_info (self->kind)->name, field);
      return FALSE;
    }

  if (f != NULL && (other = kz_csv_import_find_column (self, f->name)) >= 0)
    self->column_fields[other] = NULL;
  self->column_fields[column] = f ? f->name : NULL;

  return TRUE;
}

int
kz_csv_import_find_column (KzCsvImport *self,
                           const char  *field)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), -1);
  g_return_val_if_fail (field != NULL, -1);

  for (guint i = 0; i < self->table->header->n_cells; i++)
    if (g_strcmp0 (self->column_fields[i], field) == 0)
      return i;

  return -1;
}

gboolean
kz_csv_import_set_default (KzCsvImport  *self,
                           const char   *field,
                           const char   *text,
                           GError      **error)
{
  g_autoptr(KzRecord) scratch = NULL;
  const KzField *f;

  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  f = kz_kind_get_field (self->kind, field);
  if (f == NULL || f->type == KZ_FIELD_REF)
    {
      g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_MAPPING,
                   _("“%s” cannot have a default value."), field);
      return FALSE;
    }

  if (text == NULL || *text == 0)
    {
      g_hash_table_remove (self->defaults, field);
      return TRUE;
    }

  scratch = kz_record_new (self->kind);
  if (!kz_record_set_text (scratch, field, text, error))
    return FALSE;

  g_hash_table_replace (self->defaults, g_strdup (field), g_strdup (text));
  return TRUE;
}

KzCsvDuplicatePolicy
kz_csv_import_get_duplicate_policy (KzCsvImport *self)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), KZ_CSV_DUPLICATE_SKIP);
  return self->policy;
}

void
kz_csv_import_set_duplicate_policy (KzCsvImport          *self,
                                    KzCsvDuplicatePolicy  policy)
{
  g_return_if_fail (KZ_IS_CSV_IMPORT (self));
  g_return_if_fail (policy <= KZ_CSV_DUPLICATE_KEEP_BOTH);
  self->policy = policy;
}

gboolean
kz_csv_import_get_strict (KzCsvImport *self)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), FALSE);
  return self->strict;
}

void
kz_csv_import_set_strict (KzCsvImport *self,
                          gboolean     strict)
{
  g_return_if_fail (KZ_IS_CSV_IMPORT (self));
  self->strict = !!strict;
}

void
kz_csv_import_set_label (KzCsvImport *self,
                         const char  *label)
{
  g_return_if_fail (KZ_IS_CSV_IMPORT (self));
  g_return_if_fail (label != NULL);

  g_free (self->label);
  self->label = g_strdup (label);
}

/* --- Preview and run ------------------------------------------------ */

static void
settings_init (KzCsvImport       *self,
               KzCsvPlanSettings *settings)
{
  settings->kind = self->kind;
  settings->n_columns = self->table->header->n_cells;
  settings->headers = self->table->header->cells;
  settings->column_fields = self->column_fields;
  settings->defaults = self->defaults;
  settings->policy = self->policy;
}

static gboolean
check_mapping (KzCsvImport  *self,
               GError      **error)
{
  const KzKindInfo *info = kz_kind_get_info (self->kind);
  const KzField *title = &info->fields[info->title_field];

  if (kz_csv_import_find_column (self, title->name) >= 0)
    return TRUE;

  g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_MAPPING,
               _("No column is assigned to “%s”. Choose the column that holds it."),
               g_dgettext (GETTEXT_PACKAGE, title->label));
  return FALSE;
}

/* Plans rows [0, @max_rows); progress covers the current phase. */
static GPtrArray *
plan_rows (KzCsvImport   *self,
           guint          max_rows,
           KzProgress    *progress,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KzCsvPlan) plan = NULL;
  KzCsvPlanSettings settings;
  guint n = self->table->lines->len;

  if (max_rows > 0)
    n = MIN (n, max_rows);

  settings_init (self, &settings);
  if (!check_mapping (self, error) || !(plan = _kz_csv_plan_new (self->store, &settings, error)))
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      KzCsvRow *row;

      if ((i % 64) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if ((row = _kz_csv_plan_row (plan, self->table->lines->pdata[i])))
        g_ptr_array_add (rows, row);
      if (progress != NULL)
        _kz_progress_update (progress, i + 1, n);
    }

  return g_steal_pointer (&rows);
}

GListModel *
kz_csv_import_preview (KzCsvImport  *self,
                       guint         max_rows,
                       GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GListStore *model;

  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), NULL);

  if (!(rows = plan_rows (self, max_rows, NULL, NULL, error)))
    return NULL;

  model = g_list_store_new (KZ_TYPE_CSV_ROW);
  g_list_store_splice (model, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (model);
}

typedef struct
{
  GPtrArray  *records;   /* KzRecord *, each record once, in order */
  GHashTable *index;     /* uuid -> position in records */
} Writes;

static void
writes_clear (Writes *writes)
{
  g_clear_pointer (&writes->records, g_ptr_array_unref);
  g_clear_pointer (&writes->index, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writes, writes_clear)

/* Counts the outcome and collects what to save.  Several rows may end
 * in one record (a duplicate merged into an earlier row); the last of
 * them holds the final state. */
static void
tally (KzCsvImport *self,
       GPtrArray   *rows,
       Writes      *writes)
{
  writes->records = g_ptr_array_new_with_free_func (g_object_unref);
  writes->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      KzCsvRow *row = rows->pdata[i];
      KzRecord *record = kz_csv_row_get_record (row);
      gpointer position;

      if (kz_csv_row_get_action (row) == KZ_CSV_ROW_REJECT)
        g_list_store_append (self->rejected, row);
      if (kz_csv_row_get_action (row) == KZ_CSV_ROW_SKIP)
        self->n_skipped++;
      if (record == NULL)
        continue;

      if (g_hash_table_lookup_extended (writes->index, kz_record_get_uuid (record), NULL, &position))
        {
          KzRecord **slot = (KzRecord **)&g_ptr_array_index (writes->records, GPOINTER_TO_UINT (position));

          g_set_object (slot, record);
          continue;
        }

      if (kz_csv_row_get_action (row) == KZ_CSV_ROW_CREATE)
        self->n_created++;
      else
        self->n_updated++;
      g_hash_table_insert (writes->index, g_strdup (kz_record_get_uuid (record)),
                           GUINT_TO_POINTER (writes->records->len));
      g_ptr_array_add (writes->records, g_object_ref (record));
    }
}

static void
reset_results (KzCsvImport *self)
{
  self->n_created = self->n_updated = self->n_skipped = 0;
  g_list_store_remove_all (self->rejected);
}

static gboolean
save_all (KzCsvImport    *self,
          GPtrArray      *records,
          KzUndoManager  *undo,
          KzProgress     *progress,
          GCancellable   *cancellable,
          guint          *n_saved,
          GError        **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      KzRecord *record = records->pdata[i];
      gboolean ok;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (undo != NULL)
        ok = kz_undo_manager_save (undo, record, self->label, error);
      else
        ok = kz_store_save (self->store, record, error);
      if (!ok)
        return FALSE;

      (*n_saved)++;
      _kz_progress_update (progress, i + 1, records->len);
    }

  return TRUE;
}

/* One transaction and one undo group for everything.  After a failure
 * or cancellation the transaction is rolled back and the group is
 * cancelled, so the undo history keeps its older steps and never points
 * at changes that did not happen. */
static gboolean
write_all (KzCsvImport    *self,
           GPtrArray      *records,
           KzUndoManager  *undo,
           KzProgress     *progress,
           GCancellable   *cancellable,
           GError        **error)
{
  guint n_saved = 0;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !kz_store_begin (self->store, error))
    return FALSE;

  if (undo != NULL)
    kz_undo_manager_begin_group (undo, self->label);

  ok = save_all (self, records, undo, progress, cancellable, &n_saved, error);
  if (ok)
    ok = kz_store_commit (self->store, error);   /* rolls back itself on failure */
  else
    kz_store_rollback (self->store);

  if (undo != NULL && ok)
    kz_undo_manager_end_group (undo);
  else if (undo != NULL)
    kz_undo_manager_cancel_group (undo);

  return ok;
}

static gboolean
check_strict (KzCsvImport  *self,
              GError      **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rejected));

  if (!self->strict || n == 0)
    return TRUE;

  g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_REJECTED,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u row cannot be imported, so nothing was imported.",
                            "%u rows cannot be imported, so nothing was imported.", n),
               n);
  return FALSE;
}

gboolean
kz_csv_import_run (KzCsvImport     *self,
                   KzUndoManager   *undo,
                   KzProgressFunc   progress_func,
                   gpointer         progress_data,
                   GCancellable    *cancellable,
                   GError         **error)
{
  g_auto(Writes) writes = { NULL, NULL };
  g_autoptr(GPtrArray) rows = NULL;
  KzProgress progress;

  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (undo == NULL || KZ_IS_UNDO_MANAGER (undo), FALSE);
  g_return_val_if_fail (undo == NULL || kz_undo_manager_get_store (undo) == self->store, FALSE);

  reset_results (self);
  _kz_progress_init (&progress, progress_func, progress_data);
  _kz_progress_phase (&progress, _("Checking rows"), 0.0, 0.3);

  if (!(rows = plan_rows (self, 0, &progress, cancellable, error)))
    return FALSE;

  tally (self, rows, &writes);
  _kz_progress_phase (&progress, _("Importing"), 0.3, 1.0);

  if (!check_strict (self, error) ||
      (writes.records->len > 0 &&
       !write_all (self, writes.records, undo, &progress, cancellable, error)))
    {
      self->n_created = self->n_updated = self->n_skipped = 0;
      return FALSE;
    }

  _kz_progress_done (&progress);
  return TRUE;
}

guint
kz_csv_import_get_n_created (KzCsvImport *self)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), 0);
  return self->n_created;
}

guint
kz_csv_import_get_n_updated (KzCsvImport *self)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), 0);
  return self->n_updated;
}

guint
kz_csv_import_get_n_skipped (KzCsvImport *self)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), 0);
  return self->n_skipped;
}

guint
kz_csv_import_get_n_rejected (KzCsvImport *self)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->rejected));
}

GListModel *
kz_csv_import_get_rejected (KzCsvImport *self)
{
  g_return_val_if_fail (KZ_IS_CSV_IMPORT (self), NULL);
  return G_LIST_MODEL (self->rejected);
}
