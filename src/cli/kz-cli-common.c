/* kz-cli-common.c
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

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "kz-cli.h"
#include "kz-exchange.h"
#include "kz-sync-codec.h"

/* What every command shares: options, errors and exit statuses, the
 * portfolio, record types and ids. */

#define MIN_PREFIX 8

G_DEFINE_QUARK (kz-cli-error-quark, kz_cli_error)

/* Options */

const GOptionEntry *
kz_cli_global_entries (KzCli *cli)
{
  static GOptionEntry entries[3];

  entries[0] = (GOptionEntry) { "database", 'd', 0, G_OPTION_ARG_FILENAME, &cli->database,
                                N_("Work on the portfolio at PATH instead of the app’s"), N_("PATH") };
  entries[1] = (GOptionEntry) { "author", 0, 0, G_OPTION_ARG_STRING, &cli->author,
                                N_("Name to record in the history (default: $KOMPETENZ_AUTHOR, "
                                   "else the login name)"), N_("NAME") };
  entries[2] = (GOptionEntry) { NULL };

  return entries;
}

static char *
command_words (const KzCliCommand *command)
{
  return command->sub ? g_strdup_printf ("%s %s", command->name, command->sub)
                      : g_strdup (command->name);
}

GOptionContext *
kz_cli_context_new (KzCli              *cli,
                    const KzCliCommand *command,
                    const GOptionEntry *entries)
{
  g_autofree char *words = command_words (command);
  g_autofree char *parameters = NULL;
  GOptionContext *context;

  parameters = g_strdup_printf ("%s%s%s", words, command->parameters[0] ? " " : "",
                                command->parameters[0] ? _(command->parameters) : "");
  context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, command->summary);
  g_option_context_set_description (context, command->description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, kz_cli_global_entries (cli), GETTEXT_PACKAGE);

  return context;
}

gboolean
kz_cli_parse (GOptionContext      *context,
              const KzCliCommand  *command,
              int                 *argc,
              char              ***argv,
              int                  min,
              int                  max,
              GError             **error)
{
  int n;

  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  n = *argc - 1;
  if (n < min)
    {
      g_autofree char *words = command_words (command);

      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_USAGE,
                   _("Missing arguments: kompetenz-cli %s %s"), words, _(command->parameters));
      return FALSE;
    }
  if (max >= 0 && n > max)
    {
      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_USAGE,
                   _("Unexpected argument “%s”."), (*argv)[max + 1]);
      return FALSE;
    }

  return TRUE;
}

/* Errors */

static int
store_exit_code (int code)
{
  switch (code)
    {
    case KZ_STORE_ERROR_NOT_FOUND:
    case KZ_STORE_ERROR_INVALID:
      return KZ_CLI_EXIT_REFUSED;
    default:
      return KZ_CLI_EXIT_IO;
    }
}

static int
sync_exit_code (int code)
{
  switch (code)
    {
    case KZ_SYNC_ERROR_UNAUTHORIZED:
    case KZ_SYNC_ERROR_FORBIDDEN:
    case KZ_SYNC_ERROR_NOT_CONFIGURED:
      return KZ_CLI_EXIT_REFUSED;
    default:
      return KZ_CLI_EXIT_IO;
    }
}

int
kz_cli_exit_code (const GError *error)
{
  if (error == NULL)
    return KZ_CLI_EXIT_OK;
  if (error->domain == KZ_CLI_ERROR)
    return error->code;
  if (error->domain == G_OPTION_ERROR)
    return KZ_CLI_EXIT_USAGE;
  if (error->domain == KZ_FILTER_ERROR)
    return error->code == KZ_FILTER_ERROR_SYNTAX ? KZ_CLI_EXIT_USAGE : KZ_CLI_EXIT_REFUSED;
  if (error->domain == KZ_RECORD_ERROR || error->domain == JSON_PARSER_ERROR)
    return KZ_CLI_EXIT_REFUSED;
  if (error->domain == KZ_STORE_ERROR)
    return store_exit_code (error->code);
  if (error->domain == KZ_SYNC_ERROR)
    return sync_exit_code (error->code);
  if (error->domain == KZ_EXCHANGE_ERROR)
    return error->code == KZ_EXCHANGE_ERROR_FAILED ? KZ_CLI_EXIT_IO : KZ_CLI_EXIT_REFUSED;

  return KZ_CLI_EXIT_IO;
}

/* SQLite's own messages are not translated; "database is locked" is
 * what a busy time-out gives. */
static gboolean
is_locked (const GError *error)
{
  return error->domain == KZ_STORE_ERROR &&
         (strstr (error->message, "database is locked") != NULL ||
          strstr (error->message, "database table is locked") != NULL);
}

int
kz_cli_fail (const KzCliCommand *command,
             GError             *error)
{
  int code = kz_cli_exit_code (error);

  if (is_locked (error))
    g_printerr ("kompetenz-cli: %s\n",
                _("The portfolio stayed locked by another program (perhaps Kompetenz is "
                  "saving) and could not be used. Nothing was changed; please try again."));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_printerr ("kompetenz-cli: %s\n", error->message);
  else
    g_printerr ("kompetenz-cli: %s\n", _("Cancelled."));

  if (code == KZ_CLI_EXIT_USAGE && command != NULL)
    {
      g_autofree char *words = command_words (command);

      g_printerr (_("Run “kompetenz-cli %s --help” for help.\n"), words);
    }

  g_error_free (error);
  return code;
}

/* The portfolio */

char *
kz_cli_database_path (KzCli *cli)
{
  if (cli->database != NULL)
    return g_canonicalize_filename (cli->database, NULL);

  return kz_store_default_path ();
}

const char *
kz_cli_author (KzCli *cli)
{
  const char *env = g_getenv ("KOMPETENZ_AUTHOR");

  if (cli->author != NULL && cli->author[0] != 0)
    return cli->author;
  if (env != NULL && env[0] != 0)
    return env;

  return g_get_user_name ();
}

KzStore *
kz_cli_open_store (KzCli     *cli,
                   gboolean   create,
                   GError   **error)
{
  g_autofree char *path = NULL;

  if (cli->store != NULL)
    return cli->store;

  path = kz_cli_database_path (cli);
  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_IO,
                   _("There is no portfolio at “%s”."), path);
      return NULL;
    }

  if (!(cli->store = kz_store_open (path, error)))
    return NULL;

  kz_store_set_author (cli->store, kz_cli_author (cli));
  return cli->store;
}

/* Record types */

static gboolean
kind_label_matches (const KzKindInfo *info,
                    const char       *folded)
{
  const char *labels[] = {
    info->label, info->plural_label,
    g_dgettext (GETTEXT_PACKAGE, info->label), g_dgettext (GETTEXT_PACKAGE, info->plural_label),
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *label = g_utf8_casefold (labels[i], -1);

      if (g_str_equal (label, folded))
        return TRUE;
    }

  return FALSE;
}

static char *
known_kinds (void)
{
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < KZ_N_KINDS; k++)
    g_string_append_printf (s, "%s%s", k ? ", " : "", kz_kind_get_info (k)->name);

  return g_string_free (s, FALSE);
}

gboolean
kz_cli_parse_kind (const char  *name,
                   KzKind      *kind,
                   GError     **error)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *known = NULL;
  gsize len = strlen (lower);

  if (kz_kind_from_name (lower, kind))
    return TRUE;

  /* "sessions" for the table "training_sessions" */
  if (len > 1 && lower[len - 1] == 's')
    {
      g_autofree char *singular = g_strndup (lower, len - 1);

      if (kz_kind_from_name (singular, kind))
        return TRUE;
    }

  for (guint k = 0; k < KZ_N_KINDS; k++)
    if (kind_label_matches (kz_kind_get_info (k), folded))
      {
        *kind = k;
        return TRUE;
      }

  known = known_kinds ();
  g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_REFUSED,
               _("“%s” is not a record type. Known types: %s."), name, known);
  return FALSE;
}

/* Ids */

char *
kz_cli_find_prefix (GList       *ids,
                    const char  *prefix,
                    const char  *what,
                    GError     **error)
{
  const char *found = NULL;
  guint n = 0;
  gsize len = strlen (prefix);

  for (GList *l = ids; l != NULL; l = l->next)
    {
      if (g_ascii_strcasecmp (l->data, prefix) == 0)
        return g_strdup (l->data);
      if (g_ascii_strncasecmp (l->data, prefix, len) == 0)
        {
          found = l->data;
          n++;
        }
    }

  if (len < MIN_PREFIX)
    g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_USAGE,
                 _("“%s” is too short to identify a %s: give at least %d characters of its id."),
                 prefix, what, MIN_PREFIX);
  else if (n == 0)
    g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_NOT_FOUND,
                 _("There is no %s with an id starting with “%s”."), what, prefix);
  else if (n > 1)
    g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_REFUSED,
                 _("“%s” is the start of the ids of %u records (%s); give more characters."),
                 prefix, n, what);
  else
    return g_strdup (found);

  return NULL;
}

KzRecord *
kz_cli_get_record (KzStore     *store,
                   KzKind       kind,
                   const char  *id,
                   GError     **error)
{
  g_autoptr(GHashTable) titles = NULL;
  g_autoptr(GList) ids = NULL;
  g_autofree char *uuid = NULL;

  if (g_uuid_string_is_valid (id))
    {
      g_autofree char *lower = g_ascii_strdown (id, -1);

      return kz_store_get (store, kind, lower, error);
    }

  if (!(titles = kz_store_get_titles (store, kind, error)))
    return NULL;

  ids = g_hash_table_get_keys (titles);
  if (!(uuid = kz_cli_find_prefix (ids, id, kz_kind_get_info (kind)->name, error)))
    return NULL;

  return kz_store_get (store, kind, uuid, error);
}

char *
kz_cli_describe_record (KzRecord *record)
{
  const char *name = kz_record_get_info (record)->name;
  const char *title = kz_record_get_title (record);
  const KzField *f = &kz_record_get_info (record)->fields[kz_record_get_info (record)->title_field];

  if (title == NULL || title[0] == 0 || f->type == KZ_FIELD_REF)
    /* Translators: a record type and the start of its id: "project 0b7c1d2e" */
    return g_strdup_printf (_("%s %.8s"), name, kz_record_get_uuid (record));

  /* Translators: a record type, its title and the start of its id */
  return g_strdup_printf (_("%s “%s” (%.8s)"), name, title, kz_record_get_uuid (record));
}

void
kz_cli_prefix_error (GError     **error,
                     KzRecord    *record,
                     const char  *field)
{
  g_autofree char *what = kz_cli_describe_record (record);

  if (field != NULL)
    /* Translators: a record ("project “X” (0b7c1d2e)") and a field name */
    g_prefix_error (error, _("%s, field %s: "), what, field);
  else
    g_prefix_error (error, "%s: ", what);
}

/* The field a record-level rule is about: the end of a period, or the
 * places of a training. */
static const char *
failing_field (KzRecord *record)
{
  const KzKindInfo *info = kz_record_get_info (record);

  if (info->kind == KZ_KIND_REGISTRATION)
    return "participants";
  if (info->kind == KZ_KIND_TRAINING)
    return "capacity";
  if (info->end_after != NULL && !kz_record_validate (record, NULL))
    return strchr (info->end_after, ':') + 1;

  return NULL;
}

static gboolean
check_fields (KzRecord  *record,
              GError   **error)
{
  const KzKindInfo *info = kz_record_get_info (record);
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (!kz_record_validate_field (record, info->fields[i].name, &local_error))
        {
          g_set_error_literal (error, KZ_STORE_ERROR, KZ_STORE_ERROR_INVALID, local_error->message);
          kz_cli_prefix_error (error, record, info->fields[i].name);
          return FALSE;
        }
    }

  return TRUE;
}

/* The database checks references only when the transaction commits;
 * checked here, the message can name the field. */
static gboolean
check_references (KzStore   *store,
                  KzRecord  *record,
                  GError   **error)
{
  const KzKindInfo *info = kz_record_get_info (record);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const KzField *f = &info->fields[i];
      g_autoptr(KzRecord) target = NULL;
      GError *local_error = NULL;

      if (f->type != KZ_FIELD_REF || !kz_record_is_set (record, f->name))
        continue;
      if (!(target = kz_store_get (store, f->ref_kind, kz_record_get_string (record, f->name),
                                   &local_error)))
        {
          if (g_error_matches (local_error, KZ_STORE_ERROR, KZ_STORE_ERROR_NOT_FOUND))
            local_error->code = KZ_STORE_ERROR_INVALID;
          g_propagate_error (error, local_error);
          kz_cli_prefix_error (error, record, f->name);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
kz_cli_save_record (KzStore   *store,
                    KzRecord  *record,
                    GError   **error)
{
  GError *local_error = NULL;

  if (!check_fields (record, error) || !check_references (store, record, error))
    return FALSE;

  if (!kz_store_save (store, record, &local_error))
    {
      const char *field = NULL;

      if (g_error_matches (local_error, KZ_STORE_ERROR, KZ_STORE_ERROR_INVALID))
        field = failing_field (record);
      g_propagate_error (error, local_error);
      kz_cli_prefix_error (error, record, field);
      return FALSE;
    }

  return TRUE;
}

/* Input and output */

static char *
read_stdin (GError **error)
{
  GString *s = g_string_new (NULL);
  char buffer[4096];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (s, buffer, n);

  if (ferror (stdin))
    {
      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_IO, _("Could not read standard input."));
      g_string_free (s, TRUE);
      return NULL;
    }

  return g_string_free (s, FALSE);
}

char *
kz_cli_read_input (const char  *path,
                   GError     **error)
{
  char *contents = NULL;

  if (g_str_equal (path, "-"))
    return read_stdin (error);

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  return contents;
}

void
kz_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* Waiting for asynchronous calls */

static gboolean
cancel_cb (gpointer user_data)
{
  KzCliWait *wait = user_data;

  g_cancellable_cancel (wait->cancellable);
  return G_SOURCE_CONTINUE;
}

void
kz_cli_wait_init (KzCliWait *wait)
{
  memset (wait, 0, sizeof *wait);
  wait->loop = g_main_loop_new (NULL, FALSE);
  wait->cancellable = g_cancellable_new ();
  /* Ctrl+C stops a sync round between pages; each page is applied whole. */
  wait->sigint_id = g_unix_signal_add (SIGINT, cancel_cb, wait);
  wait->sigterm_id = g_unix_signal_add (SIGTERM, cancel_cb, wait);
}

void
kz_cli_wait_clear (KzCliWait *wait)
{
  g_clear_handle_id (&wait->sigint_id, g_source_remove);
  g_clear_handle_id (&wait->sigterm_id, g_source_remove);
  g_clear_object (&wait->result);
  g_clear_object (&wait->cancellable);
  g_clear_pointer (&wait->loop, g_main_loop_unref);
}

void
kz_cli_wait_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  KzCliWait *wait = user_data;

  g_set_object (&wait->result, result);
  g_main_loop_quit (wait->loop);
}

GAsyncResult *
kz_cli_wait_run (KzCliWait *wait)
{
  g_clear_object (&wait->result);
  while (wait->result == NULL)
    g_main_loop_run (wait->loop);

  return wait->result;
}
