/* kz-cli-records.c
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

#define G_LOG_DOMAIN "kompetenz-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kz-cli.h"
#include "kz-format.h"
#include "kz-record-json.h"

/* Reading the portfolio: list, show, history, types and fields. */

#define MAX_LIST_COLUMNS 5

/* The columns of "list" after the id, per kind. */
static const char * const list_columns[KZ_N_KINDS][MAX_LIST_COLUMNS + 1] = {
  [KZ_KIND_ORGANISATION] = { "name", "umbrella", "district", "city", NULL },
  [KZ_KIND_CONTACT]      = { "name", "organisation_id", "role", "email", NULL },
  [KZ_KIND_ASSESSMENT]   = { "organisation_id", "date", "strategy", "security", NULL },
  [KZ_KIND_FIRM]         = { "name", "sector", "size", "city", NULL },
  [KZ_KIND_PROJECT]      = { "title", "status", "health", "end_date", "budget_planned", NULL },
  [KZ_KIND_MILESTONE]    = { "title", "project_id", "due_date", "done", NULL },
  [KZ_KIND_PARTNERSHIP]  = { "title", "firm_id", "form", "start_date", NULL },
  [KZ_KIND_TRAINING]     = { "title", "format", "status", "capacity", "registration_deadline", NULL },
  [KZ_KIND_SESSION]      = { "training_id", "date", "start_time", "place", NULL },
  [KZ_KIND_REGISTRATION] = { "training_id", "organisation_id", "participants", NULL },
  [KZ_KIND_PROGRAMME]    = { "name", "funder", "max_amount", "rate", NULL },
  [KZ_KIND_DEADLINE]     = { "programme_id", "date", "title", NULL },
  [KZ_KIND_APPLICATION]  = { "title", "programme_id", "status", "amount_applied", NULL },
  [KZ_KIND_VISIT]        = { "organisation_id", "date", "advisor", NULL },
  [KZ_KIND_TASK]         = { "title", "visit_id", "due_date", "owner", "done", NULL },
};

/* list */

static gboolean
prefixes_differ (GListModel *records,
                 guint       len)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (records);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);

      if (!g_hash_table_add (seen, g_strndup (kz_record_get_uuid (record), len)))
        return FALSE;
    }

  return TRUE;
}

/* 8 characters, or more when the listed records need them. */
static guint
short_id_length (GListModel *records)
{
  guint len = 8;

  while (len < 36 && !prefixes_differ (records, len))
    len += 4;

  return len;
}

static void
add_header (KzCliTable *table,
            KzKind      kind)
{
  const char *cells[MAX_LIST_COLUMNS + 2] = { "ID" };
  guint n = 1;

  for (guint i = 0; list_columns[kind][i]; i++)
    cells[n++] = kz_kind_get_field (kind, list_columns[kind][i])->name;

  /* "PROJECT" rather than "PROJECT_ID": the column shows titles. */
  for (guint i = 0; i < n; i++)
    {
      char *header = g_ascii_strup (cells[i], -1);

      if (g_str_has_suffix (header, "_ID"))
        header[strlen (header) - 3] = 0;
      cells[i] = header;
    }
  kz_cli_table_add_row (table, cells);
  for (guint i = 0; i < n; i++)
    g_free ((char *)cells[i]);
}

static void
add_record_row (KzCliTable  *table,
                KzRecord    *record,
                KzCliTitles *titles,
                guint        id_length)
{
  KzKind kind = kz_record_get_kind (record);
  char *cells[MAX_LIST_COLUMNS + 2] = { NULL };
  guint n = 1;

  cells[0] = g_strndup (kz_record_get_uuid (record), id_length);
  for (guint i = 0; list_columns[kind][i]; i++)
    cells[n++] = kz_cli_display_value (record, kz_kind_get_field (kind, list_columns[kind][i]), titles);

  kz_cli_table_add_row (table, (const char * const *)cells);
  for (guint i = 0; i < n; i++)
    g_free (cells[i]);
}

static void
print_table (KzStore    *store,
             KzKind      kind,
             GListModel *records)
{
  guint n_columns = 1 + g_strv_length ((char **)list_columns[kind]);
  g_autoptr(KzCliTable) table = kz_cli_table_new (n_columns);
  g_autoptr(KzCliTitles) titles = kz_cli_titles_new (store);
  guint n = g_list_model_get_n_items (records);
  guint id_length = short_id_length (records);

  add_header (table, kind);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);

      add_record_row (table, record, titles, id_length);
    }

  kz_cli_table_print (table);
}

static void
print_json_array (GListModel *records)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();
  guint n = g_list_model_get_n_items (records);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);

      json_array_add_element (array, kz_record_to_json (record));
    }

  json_node_take_array (node, array);
  kz_cli_print_json (node);
}

static int
run_list (KzCli               *cli,
          const KzCliCommand  *command,
          int                  argc,
          char               **argv)
{
  g_auto(GStrv) filters = NULL;
  gboolean json = FALSE, deleted = FALSE;
  const GOptionEntry entries[] = {
    { "filter", 'f', 0, G_OPTION_ARG_STRING_ARRAY, &filters,
      N_("Only records matching EXPR; repeat to require several"), N_("EXPR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of records"), NULL },
    { "deleted", 0, 0, G_OPTION_ARG_NONE, &deleted, N_("List the records in the trash"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, entries);
  g_autoptr(KzFilter) filter = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GListModel) matches = NULL;
  GError *error = NULL;
  KzStore *store;
  KzKind kind;

  if (!kz_cli_parse (context, command, &argc, &argv, 1, 1, &error) ||
      !kz_cli_parse_kind (argv[1], &kind, &error) ||
      !(filter = kz_filter_parse (kind, (const char * const *)filters, &error)) ||
      !(store = kz_cli_open_store (cli, FALSE, &error)))
    return kz_cli_fail (command, error);

  records = deleted ? kz_store_list_deleted (store, kind, &error) : kz_store_list (store, kind, &error);
  if (records == NULL)
    return kz_cli_fail (command, error);

  matches = kz_filter_apply (filter, records);
  if (json)
    print_json_array (matches);
  else
    print_table (store, kind, matches);

  return KZ_CLI_EXIT_OK;
}

/* show */

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) dt = NULL;

  if (usec <= 0 || !(dt = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC)))
    return NULL;

  return g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
}

static void
print_pair (const char *name,
            const char *value,
            guint       width)
{
  g_auto(GStrv) lines = g_strsplit (value ? value : "", "\n", -1);

  g_print ("%-*s  %s\n", (int)width, name, lines[0] ? lines[0] : "");
  for (guint i = 1; lines[i]; i++)
    g_print ("%-*s  %s\n", (int)width, "", lines[i]);
}

static guint
name_width (const KzKindInfo *info)
{
  guint width = strlen ("modified");

  for (guint i = 0; i < info->n_fields; i++)
    width = MAX (width, strlen (info->fields[i].name));

  return width;
}

static void
print_links (KzStore     *store,
             KzRecord    *record,
             guint        width)
{
  KzKind kind = kz_record_get_kind (record);

  for (guint l = 0; l < KZ_N_LINKS; l++)
    {
      const KzLinkInfo *link = kz_link_get_info (l);
      g_autoptr(GListModel) linked = NULL;
      g_autoptr(GString) names = g_string_new (NULL);
      gboolean from_a = link->a_kind == kind;

      if (link->a_kind != kind && link->b_kind != kind)
        continue;
      if (!(linked = kz_store_list_linked (store, l, kz_record_get_uuid (record), from_a, NULL)))
        continue;

      for (guint i = 0; i < g_list_model_get_n_items (linked); i++)
        {
          g_autoptr(KzRecord) other = g_list_model_get_item (linked, i);
          g_autofree char *what = kz_cli_describe_record (other);

          g_string_append_printf (names, "%s%s", i ? "\n" : "", what);
        }
      if (names->len > 0)
        print_pair (link->name, names->str, width);
    }
}

static void
print_record (KzStore  *store,
              KzRecord *record)
{
  const KzKindInfo *info = kz_record_get_info (record);
  g_autoptr(KzCliTitles) titles = kz_cli_titles_new (store);
  g_autofree char *created = format_time (kz_record_get_created (record));
  g_autofree char *modified = format_time (kz_record_get_modified (record));
  guint width = name_width (info);

  print_pair ("type", info->name, width);
  print_pair ("id", kz_record_get_uuid (record), width);
  print_pair ("created", created, width);
  print_pair ("modified", modified, width);
  if (kz_record_get_deleted (record))
    print_pair ("deleted", _("yes, in the trash"), width);

  for (guint i = 0; i < info->n_fields; i++)
    {
      g_autofree char *value = kz_cli_display_value (record, &info->fields[i], titles);

      if (value != NULL)
        print_pair (info->fields[i].name, value, width);
    }

  print_links (store, record, width);
}

static int
run_show (KzCli               *cli,
          const KzCliCommand  *command,
          int                  argc,
          char               **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the record in its JSON form, as “add --json” reads it"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, entries);
  g_autoptr(KzRecord) record = NULL;
  GError *error = NULL;
  KzStore *store;
  KzKind kind;

  if (!kz_cli_parse (context, command, &argc, &argv, 2, 2, &error) ||
      !kz_cli_parse_kind (argv[1], &kind, &error) ||
      !(store = kz_cli_open_store (cli, FALSE, &error)) ||
      !(record = kz_cli_get_record (store, kind, argv[2], &error)))
    return kz_cli_fail (command, error);

  if (json)
    {
      g_autoptr(JsonNode) node = kz_record_to_json (record);

      kz_cli_print_json (node);
    }
  else
    print_record (store, record);

  return KZ_CLI_EXIT_OK;
}

/* history */

static JsonNode *
history_to_json (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      KzHistoryEntry *e = entries->pdata[i];
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (e->time / G_USEC_PER_SEC);
      g_autofree char *time = dt ? g_date_time_format_iso8601 (dt) : NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "time");
      json_builder_add_string_value (b, time);
      json_builder_set_member_name (b, "author");
      json_builder_add_string_value (b, e->author);
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, e->field);
      json_builder_set_member_name (b, "old");
      json_builder_add_string_value (b, e->old_value);
      json_builder_set_member_name (b, "new");
      json_builder_add_string_value (b, e->new_value);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  return json_builder_get_root (b);
}

static void
print_history (GPtrArray *entries)
{
  g_autoptr(KzCliTable) table = kz_cli_table_new (5);

  for (guint i = 0; i < entries->len; i++)
    {
      KzHistoryEntry *e = entries->pdata[i];
      g_autofree char *time = format_time (e->time);
      const char *field = g_str_equal (e->field, "*") ? _("(created)") : e->field;
      const char *cells[] = { time, e->author ? e->author : "?", field,
                              e->old_value ? e->old_value : "–", e->new_value ? e->new_value : "–" };

      kz_cli_table_add_row (table, cells);
    }

  kz_cli_table_print (table);
}

static int
run_history (KzCli               *cli,
             const KzCliCommand  *command,
             int                  argc,
             char               **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of changes"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, entries);
  g_autoptr(KzRecord) record = NULL;
  g_autoptr(GPtrArray) history = NULL;
  GError *error = NULL;
  KzStore *store;
  KzKind kind;

  if (!kz_cli_parse (context, command, &argc, &argv, 2, 2, &error) ||
      !kz_cli_parse_kind (argv[1], &kind, &error) ||
      !(store = kz_cli_open_store (cli, FALSE, &error)) ||
      !(record = kz_cli_get_record (store, kind, argv[2], &error)) ||
      !(history = kz_store_get_history (store, kz_record_get_uuid (record), &error)))
    return kz_cli_fail (command, error);

  if (json)
    {
      g_autoptr(JsonNode) node = history_to_json (history);

      kz_cli_print_json (node);
    }
  else
    print_history (history);

  return KZ_CLI_EXIT_OK;
}

/* types and fields */

static int
run_types (KzCli               *cli,
           const KzCliCommand  *command,
           int                  argc,
           char               **argv)
{
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, NULL);
  g_autoptr(KzCliTable) table = kz_cli_table_new (3);
  GError *error = NULL;

  if (!kz_cli_parse (context, command, &argc, &argv, 0, 0, &error))
    return kz_cli_fail (command, error);

  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      const KzKindInfo *info = kz_kind_get_info (k);
      const char *cells[] = { info->name, info->table, _(info->plural_label) };

      kz_cli_table_add_row (table, cells);
    }

  kz_cli_table_print (table);
  return KZ_CLI_EXIT_OK;
}

static const char *
type_name (const KzField *f)
{
  static const char * const names[] = {
    [KZ_FIELD_TEXT] = "text", [KZ_FIELD_CHOICE] = "choice", [KZ_FIELD_LIST] = "list",
    [KZ_FIELD_INT] = "int", [KZ_FIELD_NUMBER] = "number", [KZ_FIELD_MONEY] = "money",
    [KZ_FIELD_BOOL] = "bool", [KZ_FIELD_DATE] = "date", [KZ_FIELD_TIME] = "time",
    [KZ_FIELD_REF] = "ref",
  };

  if (f->type == KZ_FIELD_REF)
    return kz_kind_get_info (f->ref_kind)->name;

  return names[f->type];
}

static char *
vocabulary_text (const KzVocabulary *vocab)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; vocab != NULL && i < vocab->n_terms; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", vocab->terms[i].id);

  return g_string_free (s, FALSE);
}

static int
run_fields (KzCli               *cli,
            const KzCliCommand  *command,
            int                  argc,
            char               **argv)
{
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, NULL);
  g_autoptr(KzCliTable) table = kz_cli_table_new (5);
  const KzKindInfo *info;
  GError *error = NULL;
  KzKind kind;

  if (!kz_cli_parse (context, command, &argc, &argv, 1, 1, &error) ||
      !kz_cli_parse_kind (argv[1], &kind, &error))
    return kz_cli_fail (command, error);

  info = kz_kind_get_info (kind);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const KzField *f = &info->fields[i];
      g_autofree char *values = vocabulary_text (f->vocab);
      const char *cells[] = { f->name, type_name (f),
                              (f->flags & KZ_FIELD_FLAG_REQUIRED) ? _("required") : "",
                              _(f->label), values };

      kz_cli_table_add_row (table, cells);
    }

  /* Long vocabularies (districts) are not cut short here. */
  kz_cli_table_print (table);
  return KZ_CLI_EXIT_OK;
}

const KzCliCommand kz_cli_record_commands[] = {
  { "list", NULL, N_("TYPE"), N_("List the records of a type"),
    N_("Prints an aligned table (the start of each id, the title and a few key fields), "
       "or with --json an array of records in their JSON form.\n\n"
       "Filters: FIELD=VALUE, FIELD!=VALUE, FIELD~TEXT (contains, ignoring case and "
       "accents), FIELD<VALUE, FIELD>VALUE, FIELD<=VALUE, FIELD>=VALUE (dates, times "
       "and numbers). Values may be canonical (2026-12-31, 1234.50, running) or German "
       "(31.12.2026, 1.234,50 €, Läuft). “FIELD=” finds empty fields.\n\n"
       "Examples:\n"
       "  kompetenz-cli list projects\n"
       "  kompetenz-cli list project --filter status=running --filter \"end_date<2027-01-01\"\n"
       "  kompetenz-cli list organisations --filter city~hannover --json\n"
       "  kompetenz-cli list projects --deleted"),
    run_list },
  { "show", NULL, N_("TYPE ID"), N_("Show one record"),
    N_("ID is the record’s id or a unique start of it (at least 8 characters). "
       "Deleted records can be shown too.\n\n"
       "Examples:\n"
       "  kompetenz-cli show project 0b7c1d2e\n"
       "  kompetenz-cli show project 0b7c1d2e --json > project.json"),
    run_show },
  { "history", NULL, N_("TYPE ID"), N_("Show the change history of a record"),
    N_("Every recorded change, newest first: when, who, which field, old and new value.\n\n"
       "Example:\n"
       "  kompetenz-cli history project 0b7c1d2e"),
    run_history },
  { "types", NULL, "", N_("List the record types"),
    N_("Prints each type’s name, the plural also accepted on the command line, and its label."),
    run_types },
  { "fields", NULL, N_("TYPE"), N_("List the fields of a record type"),
    N_("Prints each field’s name, its type (or the type a reference points at), whether it "
       "is required, its label and the values of its vocabulary.\n\n"
       "Example:\n"
       "  kompetenz-cli fields project"),
    run_fields },
  { NULL }
};
