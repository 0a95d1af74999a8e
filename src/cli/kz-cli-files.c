/* kz-cli-files.c
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
#include "kz-csv-export.h"
#include "kz-csv-import.h"
#include "kz-ics-export.h"
#include "kz-report.h"
#include "kz-store-backup.h"

/* Files: import, export, backup and restore, all through src/exchange
 * and the store's backup API.  Files are written under a temporary
 * name and renamed when complete, so a failed export leaves nothing
 * half-written. */

/* import */

static gboolean
parse_policy (const char            *text,
              KzCsvDuplicatePolicy  *policy,
              GError               **error)
{
  if (text == NULL || g_str_equal (text, "skip"))
    *policy = KZ_CSV_DUPLICATE_SKIP;
  else if (g_str_equal (text, "update"))
    *policy = KZ_CSV_DUPLICATE_UPDATE;
  else if (g_str_equal (text, "keep"))
    *policy = KZ_CSV_DUPLICATE_KEEP_BOTH;
  else
    {
      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_USAGE,
                   _("“%s” is not a choice for --on-duplicate: use skip, update or keep."), text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_defaults (KzCsvImport  *import,
              char        **defaults,
              GError      **error)
{
  for (guint i = 0; defaults != NULL && defaults[i] != NULL; i++)
    {
      const char *eq = strchr (defaults[i], '=');
      g_autofree char *field = NULL;

      if (eq == NULL || eq == defaults[i])
        {
          g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_USAGE,
                       _("“%s” is not an assignment; write FIELD=VALUE."), defaults[i]);
          return FALSE;
        }

      field = g_strndup (defaults[i], eq - defaults[i]);
      if (!kz_csv_import_set_default (import, field, eq + 1, error))
        {
          g_prefix_error (error, _("Field %s: "), field);
          return FALSE;
        }
    }

  return TRUE;
}

static void
print_mapping (KzCsvImport *import)
{
  g_printerr (_("Reading %s, separator “%c”.\n"),
              kz_csv_encoding_get_name (kz_csv_import_get_encoding (import)),
              kz_csv_import_get_separator (import));

  for (guint c = 0; c < kz_csv_import_get_n_columns (import); c++)
    {
      const char *field = kz_csv_import_get_column_field (import, c);

      g_printerr ("  %s → %s\n", kz_csv_import_get_header (import, c), field ? field : _("(ignored)"));
    }
}

static const char *
action_name (KzCsvRowAction action)
{
  switch (action)
    {
    case KZ_CSV_ROW_CREATE:
      return _("add");
    case KZ_CSV_ROW_UPDATE:
      return _("update");
    case KZ_CSV_ROW_SKIP:
      return _("skip");
    default:
      return _("reject");
    }
}

/* What each row would do; returns the number of rejected rows. */
static guint
print_preview (GListModel *rows)
{
  g_autoptr(KzCliTable) table = kz_cli_table_new (4);
  guint rejected = 0;

  kz_cli_table_add_row (table, (const char *[]) { _("ROW"), _("ACTION"), _("RECORD"), _("NOTE") });
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(KzCsvRow) row = g_list_model_get_item (rows, i);
      KzRecord *record = kz_csv_row_get_record (row);
      const char *existing = kz_csv_row_get_existing_uuid (row);
      g_autofree char *number = g_strdup_printf ("%u", kz_csv_row_get_number (row));
      g_autofree char *what = record ? kz_cli_describe_record (record)
                              : existing ? g_strndup (existing, 8) : NULL;

      rejected += kz_csv_row_get_action (row) == KZ_CSV_ROW_REJECT;
      kz_cli_table_add_row (table, (const char *[]) { number, action_name (kz_csv_row_get_action (row)),
                                                      what, kz_csv_row_get_message (row) });
    }

  kz_cli_table_print (table);
  return rejected;
}

static void
print_rejected (KzCsvImport *import)
{
  GListModel *rows = kz_csv_import_get_rejected (import);   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(KzCsvRow) row = g_list_model_get_item (rows, i);

      /* Translators: a row number of the CSV file and why it was refused */
      g_printerr (_("kompetenz-cli: row %u: %s\n"), kz_csv_row_get_number (row),
                  kz_csv_row_get_message (row));
    }
}

static int
finish_import (KzCsvImport  *import,
               GError      **error)
{
  guint rejected;

  if (!kz_csv_import_run (import, NULL, NULL, NULL, NULL, error))
    {
      if (g_error_matches (*error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_REJECTED))
        print_rejected (import);
      return -1;
    }

  rejected = kz_csv_import_get_n_rejected (import);
  print_rejected (import);
  g_print (_("Added %u, updated %u, skipped %u, rejected %u.\n"),
           kz_csv_import_get_n_created (import), kz_csv_import_get_n_updated (import),
           kz_csv_import_get_n_skipped (import), rejected);

  return rejected > 0 ? KZ_CLI_EXIT_REFUSED : KZ_CLI_EXIT_OK;
}

typedef struct
{
  char      *on_duplicate;
  char     **defaults;
  gboolean   dry_run;
  gboolean   strict;
} ImportOptions;

static KzCsvImport *
prepare_import (KzCli                *cli,
                const char           *type,
                const char           *path,
                const ImportOptions  *options,
                GError              **error)
{
  g_autoptr(KzCsvImport) import = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  KzCsvDuplicatePolicy policy;
  KzStore *store;
  KzKind kind;

  if (!parse_policy (options->on_duplicate, &policy, error) ||
      !kz_cli_parse_kind (type, &kind, error) ||
      !(store = kz_cli_open_store (cli, !options->dry_run, error)) ||
      !(import = kz_csv_import_new_for_file (store, kind, file, NULL, error)) ||
      !set_defaults (import, options->defaults, error))
    return NULL;

  kz_csv_import_set_duplicate_policy (import, policy);
  kz_csv_import_set_strict (import, options->strict);
  return g_steal_pointer (&import);
}

static int
run_import (KzCli               *cli,
            const KzCliCommand  *command,
            int                  argc,
            char               **argv)
{
  ImportOptions options = { NULL };
  const GOptionEntry entries[] = {
    { "on-duplicate", 0, 0, G_OPTION_ARG_STRING, &options.on_duplicate,
      N_("Rows matching an existing record: skip (default), update it, or keep both"),
      N_("skip|update|keep") },
    { "default", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.defaults,
      N_("Value for FIELD where the file has none, such as status=idea; repeatable"),
      N_("FIELD=VALUE") },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &options.strict,
      N_("Import nothing if any row is refused"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &options.dry_run,
      N_("Only show what each row would do; change nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, entries);
  g_autoptr(KzCsvImport) import = NULL;
  g_autoptr(GListModel) rows = NULL;
  GError *error = NULL;
  int status = 0;

  if (!kz_cli_parse (context, command, &argc, &argv, 2, 2, &error) ||
      !(import = prepare_import (cli, argv[1], argv[2], &options, &error)))
    status = kz_cli_fail (command, error);
  else if (options.dry_run)
    {
      print_mapping (import);
      if (!(rows = kz_csv_import_preview (import, 0, &error)))
        status = kz_cli_fail (command, error);
      else
        status = print_preview (rows) > 0 ? KZ_CLI_EXIT_REFUSED : KZ_CLI_EXIT_OK;
    }
  else if ((status = finish_import (import, &error)) < 0)
    status = kz_cli_fail (command, error);

  g_free (options.on_duplicate);
  g_strfreev (options.defaults);
  return status;
}

/* export */

static GListModel *
filtered_records (KzStore     *store,
                  KzKind       kind,
                  char       **filters,
                  GError     **error)
{
  g_autoptr(KzFilter) filter = kz_filter_parse (kind, (const char * const *)filters, error);
  g_autoptr(GListModel) records = NULL;

  if (filter == NULL || !(records = kz_store_list (store, kind, error)))
    return NULL;

  return kz_filter_apply (filter, records);
}

static gboolean
check_fields (KzKind       kind,
              char       **fields,
              GError     **error)
{
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      if (kz_kind_find_field (kind, fields[i]) < 0)
        {
          g_set_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_UNKNOWN_FIELD,
                       _("A %s has no field “%s”."), kz_kind_get_info (kind)->name, fields[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/* "title, status,end_date" -> { "title", "status", "end_date" } */
static GStrv
split_fields (const char *columns)
{
  g_auto(GStrv) parts = g_strsplit (columns, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_strstrip (parts[i])[0] != 0)
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

static gboolean
export_csv (KzStore     *store,
            const char  *type,
            GFile       *file,
            char       **filters,
            const char  *columns,
            GError     **error)
{
  g_auto(GStrv) fields = columns ? split_fields (columns) : NULL;
  g_autoptr(GListModel) records = NULL;
  KzKind kind;

  return kz_cli_parse_kind (type, &kind, error) &&
         check_fields (kind, fields, error) &&
         (records = filtered_records (store, kind, filters, error)) &&
         kz_csv_export (store, kind, records, (const char * const *)fields, file,
                        NULL, NULL, NULL, error);
}

/* Every session of every training, and every call deadline. */
static gboolean
export_calendar (KzStore  *store,
                 GFile    *file,
                 GError  **error)
{
  g_autoptr(GListModel) trainings = kz_store_list (store, KZ_KIND_TRAINING, error);
  g_autoptr(GListModel) deadlines = trainings ? kz_store_list (store, KZ_KIND_DEADLINE, error) : NULL;

  return deadlines != NULL &&
         kz_ics_export (store, trainings, deadlines, file, NULL, NULL, NULL, error);
}

static gboolean
export_report (KzStore     *store,
               GFile       *file,
               char       **filters,
               const char  *title,
               GError     **error)
{
  g_autoptr(GListModel) projects = filtered_records (store, KZ_KIND_PROJECT, filters, error);
  g_autofree char *selection = filters ? g_strjoinv (", ", filters) : NULL;

  return projects != NULL &&
         kz_report_write (store, projects, title, selection, file, NULL, NULL, NULL, error);
}

typedef struct
{
  char     **filters;
  char      *fields;
  char      *title;
} ExportOptions;

static gboolean
export (KzCli                *cli,
        const char           *what,
        const char           *path,
        const ExportOptions  *options,
        GError              **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  gboolean calendar = g_str_equal (what, "calendar");
  gboolean report = g_str_equal (what, "report");
  KzStore *store;
  KzKind kind;

  if ((calendar && options->filters != NULL) || (!report && options->title != NULL) ||
      ((calendar || report) && options->fields != NULL))
    {
      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_USAGE,
                   _("--filter, --fields and --title do not apply to “export %s”."), what);
      return FALSE;
    }

  if ((!calendar && !report && !kz_cli_parse_kind (what, &kind, error)) ||
      !(store = kz_cli_open_store (cli, FALSE, error)))
    return FALSE;
  if (calendar)
    return export_calendar (store, file, error);
  if (report)
    return export_report (store, file, options->filters, options->title, error);

  return export_csv (store, what, file, options->filters, options->fields, error);
}

static int
run_export (KzCli               *cli,
            const KzCliCommand  *command,
            int                  argc,
            char               **argv)
{
  ExportOptions options = { NULL };
  const GOptionEntry entries[] = {
    { "filter", 'f', 0, G_OPTION_ARG_STRING_ARRAY, &options.filters,
      N_("Only records matching EXPR, as in “list”; repeatable"), N_("EXPR") },
    { "fields", 0, 0, G_OPTION_ARG_STRING, &options.fields,
      N_("CSV only: these fields as columns, in this order (default: all)"), N_("F1,F2,…") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &options.title,
      N_("Report only: the title on the first page"), N_("TITLE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, entries);
  GError *error = NULL;
  int status = KZ_CLI_EXIT_OK;

  if (!kz_cli_parse (context, command, &argc, &argv, 2, 2, &error) ||
      !export (cli, argv[1], argv[2], &options, &error))
    status = kz_cli_fail (command, error);

  g_strfreev (options.filters);
  g_free (options.fields);
  g_free (options.title);
  return status;
}

/* backup and restore */

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *x = g_canonicalize_filename (a, NULL);
  g_autofree char *y = g_canonicalize_filename (b, NULL);

  return g_str_equal (x, y);
}

static int
run_backup (KzCli               *cli,
            const KzCliCommand  *command,
            int                  argc,
            char               **argv)
{
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, NULL);
  GError *error = NULL;
  KzStore *store;

  if (!kz_cli_parse (context, command, &argc, &argv, 1, 1, &error) ||
      !(store = kz_cli_open_store (cli, FALSE, &error)) ||
      !kz_store_backup (store, argv[1], NULL, &error))
    return kz_cli_fail (command, error);

  return KZ_CLI_EXIT_OK;
}

/* Keeps what is replaced, next to the portfolio. */
static char *
save_previous (KzStore  *store,
               GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *path = g_strdup_printf ("%s.before-restore-%s.bak", kz_store_get_path (store), stamp);

  if (!kz_store_backup (store, path, NULL, error))
    g_clear_pointer (&path, g_free);

  return path;
}

int
kz_cli_restore_backup (KzCli               *cli,
                       const KzCliCommand  *command,
                       const char          *path)
{
  g_autofree char *previous = NULL;
  GError *error = NULL;
  KzStore *store;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) && kz_kind_from_name (path, NULL))
    return kz_cli_fail (command, g_error_new (KZ_CLI_ERROR, KZ_CLI_EXIT_USAGE,
                                              _("Give the ids of the records to restore, "
                                                "or a backup file.")));
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return kz_cli_fail (command, g_error_new (KZ_CLI_ERROR, KZ_CLI_EXIT_IO,
                                              _("The backup “%s” does not exist."), path));

  if (!(store = kz_cli_open_store (cli, TRUE, &error)))
    return kz_cli_fail (command, error);
  if (same_file (path, kz_store_get_path (store)))
    return kz_cli_fail (command, g_error_new (KZ_CLI_ERROR, KZ_CLI_EXIT_USAGE,
                                              _("The portfolio cannot be restored from itself. "
                                                "Choose a backup file.")));

  if (!(previous = save_previous (store, &error)) ||
      !kz_store_restore_backup (store, path, NULL, &error))
    return kz_cli_fail (command, error);

  g_printerr (_("Restored the portfolio from “%s”. The previous content is kept in “%s”.\n"),
              path, previous);
  return KZ_CLI_EXIT_OK;
}

const KzCliCommand kz_cli_file_commands[] = {
  { "import", NULL, N_("TYPE FILE"), N_("Import records from a CSV file"),
    N_("Reads organisations, firms, projects or trainings from a CSV file as the app "
       "does: the encoding and separator are detected, columns are matched to fields by "
       "name or heading, references hold the name of an existing record. Rows that "
       "match an existing record (same name or title) are skipped unless "
       "--on-duplicate says otherwise. Refused rows are listed with their row number; "
       "the other rows are imported (all or nothing with --strict), and the exit "
       "status is then 1.\n\n"
       "Examples:\n"
       "  kompetenz-cli import organisations mitglieder.csv --dry-run\n"
       "  kompetenz-cli import projects projekte.csv --default status=idea --on-duplicate update"),
    run_import },
  { "export", NULL, N_("TYPE|calendar|report FILE"), N_("Export records as CSV, a calendar or a PDF report"),
    N_("“export TYPE FILE.csv” writes the records of a type as CSV for Excel or "
       "LibreOffice (German format, “;” separated). “export calendar FILE.ics” writes "
       "every training session and call deadline as iCalendar. “export report FILE.pdf” "
       "writes the portfolio report of the projects. Filters work as in “list”.\n\n"
       "Examples:\n"
       "  kompetenz-cli export projects laufend.csv --filter status=running\n"
       "  kompetenz-cli export organisations orte.csv --fields name,city,district\n"
       "  kompetenz-cli export calendar termine.ics\n"
       "  kompetenz-cli export report bericht.pdf --filter \"focus_area=education\" --title \"Bildung 2026\""),
    run_export },
  { "backup", NULL, N_("FILE"), N_("Save a backup of the whole portfolio"),
    N_("Writes every record, the trash, links, history and sync state into FILE, a "
       "copy that “restore FILE” (or the app) can bring back. Safe while the app is "
       "open.\n\n"
       "Example:\n"
       "  kompetenz-cli backup ~/Sicherung/portfolio-$(date +%F).kzbackup"),
    run_backup },
  { NULL }
};
