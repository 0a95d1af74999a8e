/* kz-csv-import-plan.c
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

/* Turns parsed rows into records: parses each mapped cell, resolves
 * names in reference columns, finds duplicates among the records in the
 * portfolio and the rows before, applies the duplicate policy and
 * validates the result.  Nothing here writes to the store. */

#define AMBIGUOUS ""

struct _KzCsvPlan
{
  KzStore                  *store;
  const KzCsvPlanSettings  *settings;
  const KzKindInfo         *info;
  const char               *title_field;
  gboolean                  key_city;
  GHashTable               *existing;            /* key -> KzRecord */
  GHashTable               *planned;             /* key -> KzCsvRow */
  GHashTable               *names[KZ_N_KINDS];   /* normalised title -> uuid or AMBIGUOUS */
  GHashTable               *uuids[KZ_N_KINDS];   /* live uuids of referenced kinds */
  GHashTable               *registered;          /* training uuid -> gint64 * */
};

void
_kz_csv_plan_free (KzCsvPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_pointer (&plan->existing, g_hash_table_unref);
  g_clear_pointer (&plan->planned, g_hash_table_unref);
  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      g_clear_pointer (&plan->names[k], g_hash_table_unref);
      g_clear_pointer (&plan->uuids[k], g_hash_table_unref);
    }
  g_clear_pointer (&plan->registered, g_hash_table_unref);
  g_clear_object (&plan->store);
  g_free (plan);
}

static char *
duplicate_key (KzCsvPlan *plan,
               KzRecord  *record)
{
  const char *title = kz_record_get_string (record, plan->title_field);
  g_autofree char *name = _kz_csv_normalise (title);
  g_autofree char *city = NULL;

  if (name[0] == 0)
    return NULL;
  if (!plan->key_city)
    return g_steal_pointer (&name);

  city = _kz_csv_normalise (kz_record_get_string (record, "city"));
  return g_strconcat (name, "|", city, NULL);
}

static gboolean
load_existing (KzCsvPlan  *plan,
               GError    **error)
{
  g_autoptr(GListModel) records = kz_store_list (plan->store, plan->info->kind, error);
  guint n;

  if (records == NULL)
    return FALSE;

  n = g_list_model_get_n_items (records);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);
      char *key = duplicate_key (plan, record);

      if (key == NULL || g_hash_table_contains (plan->existing, key))
        g_free (key);
      else
        g_hash_table_insert (plan->existing, key, g_steal_pointer (&record));
    }

  return TRUE;
}

static gboolean
load_names (KzCsvPlan  *plan,
            KzKind      kind,
            GError    **error)
{
  g_autoptr(GListModel) records = NULL;
  guint n;

  if (plan->names[kind] != NULL)
    return TRUE;
  if (!(records = kz_store_list (plan->store, kind, error)))
    return FALSE;

  plan->names[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plan->uuids[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = g_list_model_get_n_items (records);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);
      char *name = _kz_csv_normalise (kz_record_get_title (record));
      const char *uuid = kz_record_get_uuid (record);

      g_hash_table_add (plan->uuids[kind], g_strdup (uuid));
      if (g_hash_table_contains (plan->names[kind], name))
        g_hash_table_replace (plan->names[kind], name, g_strdup (AMBIGUOUS));
      else
        g_hash_table_insert (plan->names[kind], name, g_strdup (uuid));
    }

  return TRUE;
}

static gboolean
load_references (KzCsvPlan  *plan,
                 GError    **error)
{
  const KzCsvPlanSettings *s = plan->settings;

  for (guint i = 0; i < s->n_columns; i++)
    {
      const KzField *f = s->column_fields[i] ? kz_kind_get_field (s->kind, s->column_fields[i]) : NULL;

      if (f != NULL && f->type == KZ_FIELD_REF && !load_names (plan, f->ref_kind, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_mapped (const KzCsvPlanSettings *s,
           const char              *field)
{
  for (guint i = 0; i < s->n_columns; i++)
    if (g_strcmp0 (s->column_fields[i], field) == 0)
      return TRUE;

  return FALSE;
}

KzCsvPlan *
_kz_csv_plan_new (KzStore                  *store,
                  const KzCsvPlanSettings  *settings,
                  GError                  **error)
{
  g_autoptr(KzCsvPlan) plan = g_new0 (KzCsvPlan, 1);

  plan->store = g_object_ref (store);
  plan->settings = settings;
  plan->info = kz_kind_get_info (settings->kind);
  plan->title_field = plan->info->fields[plan->info->title_field].name;
  plan->key_city = settings->kind == KZ_KIND_ORGANISATION && is_mapped (settings, "city");
  plan->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  plan->planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  if (!load_existing (plan, error) || !load_references (plan, error))
    return NULL;

  if (settings->kind == KZ_KIND_TRAINING &&
      !(plan->registered = kz_store_sum_by (store, KZ_KIND_REGISTRATION, "training_id",
                                            "participants", error)))
    return NULL;

  return g_steal_pointer (&plan);
}

/* --- Cells ---------------------------------------------------------- */

/* Removes the mark kz_csv_export puts before text that looks like a formula. */
static const char *
unguard (const char *text)
{
  if (text[0] == '\'' && text[1] != 0 && strchr ("=+-@\t\r", text[1]) != NULL)
    return text + 1;
  return text;
}

static const char *
resolve_reference (KzCsvPlan      *plan,
                   const KzField  *f,
                   const char     *text,
                   GError        **error)
{
  g_autofree char *name = NULL;
  const char *uuid;

  if (g_uuid_string_is_valid (text) && g_hash_table_contains (plan->uuids[f->ref_kind], text))
    return text;

  name = _kz_csv_normalise (text);
  uuid = g_hash_table_lookup (plan->names[f->ref_kind], name);
  if (uuid == NULL)
    g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_FAILED,
                 _("“%s” (%s) was not found in the portfolio."),
                 text, g_dgettext (GETTEXT_PACKAGE, f->label));
  else if (uuid[0] == 0)
    g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_FAILED,
                 _("Several records are called “%s” (%s). Rename them so that the name "
                   "is unique, or use the record’s ID."),
                 text, g_dgettext (GETTEXT_PACKAGE, f->label));

  return uuid != NULL && uuid[0] != 0 ? uuid : NULL;
}

static gboolean
apply_cell (KzCsvPlan      *plan,
            KzRecord       *record,
            const KzField  *f,
            const char     *text,
            GError        **error)
{
  const char *uuid;

  if (f->type != KZ_FIELD_REF)
    return kz_record_set_text (record, f->name, text, error);

  if (!(uuid = resolve_reference (plan, f, text, error)))
    return FALSE;

  kz_record_set_string (record, f->name, uuid);
  return TRUE;
}

static gboolean
cell_is_blank (const char *cell)
{
  for (const char *p = cell; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static char *
extra_cells_message (const KzCsvPlanSettings *s,
                     const KzCsvLine         *line)
{
  for (guint i = s->n_columns; i < line->n_cells; i++)
    if (!cell_is_blank (line->cells[i]))
      return g_strdup_printf (_("The row has %u values but the file only has %u columns. "
                                "A value probably contains the separator without quotes."),
                              line->n_cells, s->n_columns);

  return NULL;
}

/* Parses the mapped cells of @line into a new record; a message on error. */
static char *
read_cells (KzCsvPlan        *plan,
            const KzCsvLine  *line,
            KzRecord         *record)
{
  const KzCsvPlanSettings *s = plan->settings;
  guint n = MIN (line->n_cells, s->n_columns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      const KzField *f;

      if (s->column_fields[i] == NULL || cell_is_blank (line->cells[i]))
        continue;

      f = kz_kind_get_field (s->kind, s->column_fields[i]);
      text = g_strstrip (g_strdup (line->cells[i]));
      if (!apply_cell (plan, record, f, unguard (text), &error))
        return g_strdup_printf (_("Column “%s”: %s"), s->headers[i], error->message);
    }

  return NULL;
}

/* --- Records -------------------------------------------------------- */

static void
copy_field (KzRecord      *target,
            KzRecord      *source,
            const KzField *f)
{
  switch (f->type)
    {
    case KZ_FIELD_INT:
    case KZ_FIELD_MONEY:
      kz_record_set_int (target, f->name, kz_record_get_int (source, f->name));
      break;
    case KZ_FIELD_BOOL:
      kz_record_set_bool (target, f->name, kz_record_get_bool (source, f->name));
      break;
    case KZ_FIELD_NUMBER:
      kz_record_set_number (target, f->name, kz_record_get_number (source, f->name));
      break;
    case KZ_FIELD_LIST:
      kz_record_set_list (target, f->name, kz_record_get_list (source, f->name));
      break;
    default:
      kz_record_set_string (target, f->name, kz_record_get_string (source, f->name));
      break;
    }
}

/* The row's values over a copy of @base: empty cells keep what is there. */
static KzRecord *
merge (KzCsvPlan *plan,
       KzRecord  *base,
       KzRecord  *incoming)
{
  KzRecord *merged = kz_record_copy (base);

  for (guint i = 0; i < plan->info->n_fields; i++)
    if (kz_record_is_set (incoming, plan->info->fields[i].name))
      copy_field (merged, incoming, &plan->info->fields[i]);

  return merged;
}

static void
apply_defaults (KzCsvPlan *plan,
                KzRecord  *record)
{
  GHashTableIter iter;
  gpointer field, text;

  if (plan->settings->defaults == NULL)
    return;

  g_hash_table_iter_init (&iter, plan->settings->defaults);
  while (g_hash_table_iter_next (&iter, &field, &text))
    if (!kz_record_is_set (record, field))
      kz_record_set_text (record, field, text, NULL);
}

static gboolean
check_capacity (KzCsvPlan  *plan,
                KzRecord   *record,
                GError    **error)
{
  gint64 *registered;

  if (plan->registered == NULL || !kz_record_is_set (record, "capacity"))
    return TRUE;

  registered = g_hash_table_lookup (plan->registered, kz_record_get_uuid (record));
  if (registered == NULL || *registered <= kz_record_get_int (record, "capacity"))
    return TRUE;

  g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_FAILED,
               _("The capacity cannot be below the %d participants already registered."),
               (int)*registered);
  return FALSE;
}

static KzCsvRow *
reject (const KzCsvLine *line,
        const char      *message)
{
  return _kz_csv_row_new (line->number, KZ_CSV_ROW_REJECT, NULL, message, NULL);
}

static KzCsvRow *
validated_row (KzCsvPlan       *plan,
               const KzCsvLine *line,
               KzCsvRowAction   action,
               KzRecord        *record,
               const char      *existing_uuid)
{
  g_autoptr(GError) error = NULL;

  if (!kz_record_validate (record, &error) || !check_capacity (plan, record, &error))
    return reject (line, error->message);

  return _kz_csv_row_new (line->number, action, record, NULL, existing_uuid);
}

/* A row matching an earlier row of the file or a record in the portfolio. */
static KzCsvRow *
plan_duplicate (KzCsvPlan       *plan,
                const KzCsvLine *line,
                KzRecord        *incoming,
                KzCsvRow        *earlier,
                KzRecord        *existing)
{
  KzRecord *base = earlier ? kz_csv_row_get_record (earlier) : existing;
  g_autoptr(KzRecord) merged = NULL;
  g_autofree char *message = NULL;
  KzCsvRow *row;

  if (plan->settings->policy == KZ_CSV_DUPLICATE_SKIP)
    {
      message = earlier ? g_strdup_printf (_("Same as row %u; skipped."), kz_csv_row_get_number (earlier))
                        : g_strdup (_("Already in the portfolio; skipped."));
      return _kz_csv_row_new (line->number, KZ_CSV_ROW_SKIP, NULL, message,
                              kz_record_get_uuid (base));
    }

  merged = merge (plan, base, incoming);
  row = validated_row (plan, line, KZ_CSV_ROW_UPDATE, merged, kz_record_get_uuid (base));
  if (kz_csv_row_get_action (row) == KZ_CSV_ROW_UPDATE)
    {
      g_autofree char *key = duplicate_key (plan, merged);

      if (earlier != NULL)
        _kz_csv_row_set_record (earlier, merged);
      if (key != NULL)
        g_hash_table_replace (plan->planned, g_steal_pointer (&key), g_object_ref (row));
    }

  return row;
}

static KzCsvRow *
plan_new (KzCsvPlan       *plan,
          const KzCsvLine *line,
          KzRecord        *incoming,
          const char      *key)
{
  KzCsvRow *row;

  apply_defaults (plan, incoming);
  row = validated_row (plan, line, KZ_CSV_ROW_CREATE, incoming, NULL);
  if (key != NULL && kz_csv_row_get_action (row) == KZ_CSV_ROW_CREATE &&
      !g_hash_table_contains (plan->planned, key))
    g_hash_table_insert (plan->planned, g_strdup (key), g_object_ref (row));

  return row;
}

KzCsvRow *
_kz_csv_plan_row (KzCsvPlan       *plan,
                  const KzCsvLine *line)
{
  g_autoptr(KzRecord) incoming = NULL;
  g_autofree char *message = NULL;
  g_autofree char *key = NULL;
  KzCsvRow *earlier;
  KzRecord *existing;
  gboolean blank = TRUE;

  for (guint i = 0; i < line->n_cells && blank; i++)
    blank = cell_is_blank (line->cells[i]);
  if (blank)
    return NULL;

  if ((message = extra_cells_message (plan->settings, line)))
    return reject (line, message);

  incoming = kz_record_new (plan->settings->kind);
  if ((message = read_cells (plan, line, incoming)))
    return reject (line, message);

  key = duplicate_key (plan, incoming);
  earlier = key ? g_hash_table_lookup (plan->planned, key) : NULL;
  existing = key ? g_hash_table_lookup (plan->existing, key) : NULL;

  if ((earlier != NULL || existing != NULL) &&
      plan->settings->policy != KZ_CSV_DUPLICATE_KEEP_BOTH)
    return plan_duplicate (plan, line, incoming, earlier, existing);

  return plan_new (plan, line, incoming, key);
}
