/* kz-cli-edit.c
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
#include "kz-record-json.h"

/* Changing the portfolio: add, set, delete and restore.  Every command
 * runs in one store transaction: all of it is written, or nothing. */

/* add */

/* Which member of "fields" kz_record_from_json() refused, found by
 * reading each one alone. */
static char *
json_failing_field (JsonNode *node,
                    KzKind    kind)
{
  JsonObject *fields;
  g_autoptr(GList) names = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      !json_object_has_member (json_node_get_object (node), "fields") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (node), "fields")))
    return NULL;

  fields = json_object_get_object_member (json_node_get_object (node), "fields");
  names = json_object_get_members (fields);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autoptr(JsonNode) single = json_node_new (JSON_NODE_OBJECT);
      JsonObject *outer = json_object_new ();
      JsonObject *inner = json_object_new ();
      g_autoptr(KzRecord) record = NULL;
      KzKind expected = kind;

      json_object_set_member (inner, l->data, json_node_copy (json_object_get_member (fields, l->data)));
      json_object_set_object_member (outer, "fields", inner);
      json_node_take_object (single, outer);
      if (!(record = kz_record_from_json (single, &expected, NULL)))
        return g_strdup (l->data);
    }

  return NULL;
}

/* "Record 2 “Title”": its place in the input and its title, if any. */
static char *
describe_json (JsonNode *node,
               KzKind    kind,
               guint     index)
{
  const KzKindInfo *info = kz_kind_get_info (kind);
  const char *title_field = info->fields[info->title_field].name;
  JsonObject *fields = NULL;
  JsonNode *title;

  if (JSON_NODE_HOLDS_OBJECT (node) &&
      json_object_has_member (json_node_get_object (node), "fields") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (node), "fields")))
    fields = json_object_get_object_member (json_node_get_object (node), "fields");

  title = fields ? json_object_get_member (fields, title_field) : NULL;
  if (title != NULL && json_node_get_value_type (title) == G_TYPE_STRING)
    /* Translators: the number of a record in the input and its title */
    return g_strdup_printf (_("Record %u “%s”"), index + 1, json_node_get_string (title));

  return g_strdup_printf (_("Record %u"), index + 1);
}

static KzRecord *
record_from_json (JsonNode     *node,
                  KzKind        kind,
                  guint         index,
                  GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *field = NULL;
  g_autofree char *what = NULL;
  KzRecord *record;
  KzKind expected = kind;

  if ((record = kz_record_from_json (node, &expected, &local_error)))
    return record;

  field = json_failing_field (node, kind);
  what = describe_json (node, kind, index);
  if (field != NULL)
    /* Translators: a record of the input ("Record 2 “Title”"), a field name and why */
    g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_REFUSED, _("%s, field %s: %s"),
                 what, field, local_error->message);
  else
    g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_REFUSED, "%s: %s", what, local_error->message);
  return NULL;
}

static gboolean
add_one (KzStore    *store,
         KzKind      kind,
         JsonNode   *node,
         guint       index,
         GPtrArray  *added,
         GError    **error)
{
  g_autoptr(KzRecord) record = NULL;
  g_autoptr(KzRecord) existing = NULL;
  gboolean deleted;

  if (!(record = record_from_json (node, kind, index, error)))
    return FALSE;

  if ((existing = kz_store_get (store, kind, kz_record_get_uuid (record), NULL)))
    {
      g_autofree char *what = kz_cli_describe_record (existing);

      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_REFUSED,
                   _("%s exists already; change it with “kompetenz-cli set”."), what);
      return FALSE;
    }

  /* A deleted record is added and then deleted, as the app would. */
  deleted = kz_record_get_deleted (record);
  kz_record_set_deleted (record, FALSE);
  if (!kz_cli_save_record (store, record, error) ||
      (deleted && !kz_store_delete (store, kind, kz_record_get_uuid (record), error)))
    return FALSE;

  g_ptr_array_add (added, g_strdup (kz_record_get_uuid (record)));
  return TRUE;
}

static GPtrArray *
parse_records (const char  *path,
               JsonParser  *parser,
               GError     **error)
{
  g_autofree char *text = NULL;
  GPtrArray *nodes;
  JsonNode *root;

  if (!(text = kz_cli_read_input (path, error)))
    return NULL;

  if (!json_parser_load_from_data (parser, text, -1, error))
    {
      g_prefix_error (error, "%s: ", g_str_equal (path, "-") ? _("standard input") : path);
      return NULL;
    }

  nodes = g_ptr_array_new ();
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
      g_ptr_array_add (nodes, json_array_get_element (json_node_get_array (root), i));
  else if (root != NULL)
    g_ptr_array_add (nodes, root);

  return nodes;
}

static gboolean
add_all (KzStore    *store,
         KzKind      kind,
         GPtrArray  *nodes,
         GPtrArray  *added,
         GError    **error)
{
  if (!kz_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < nodes->len; i++)
    {
      if (!add_one (store, kind, nodes->pdata[i], i, added, error))
        {
          kz_store_rollback (store);
          return FALSE;
        }
    }

  return kz_store_commit (store, error);
}

static int
run_add (KzCli               *cli,
         const KzCliCommand  *command,
         int                  argc,
         char               **argv)
{
  g_autofree char *path = NULL;
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_FILENAME, &path,
      N_("Read the record from FILE (“-” for standard input)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, entries);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;
  KzStore *store;
  KzKind kind;

  if (!kz_cli_parse (context, command, &argc, &argv, 1, 1, &error))
    return kz_cli_fail (command, error);
  if (path == NULL)
    return kz_cli_fail (command, g_error_new (KZ_CLI_ERROR, KZ_CLI_EXIT_USAGE,
                                              _("Give the record with --json FILE, or --json - "
                                                "to read it from standard input.")));

  if (!kz_cli_parse_kind (argv[1], &kind, &error) ||
      !(nodes = parse_records (path, parser, &error)) ||
      !(store = kz_cli_open_store (cli, TRUE, &error)) ||
      !add_all (store, kind, nodes, added, &error))
    return kz_cli_fail (command, error);

  for (guint i = 0; i < added->len; i++)
    g_print ("%s\n", (char *)added->pdata[i]);

  return KZ_CLI_EXIT_OK;
}

/* set */

static gboolean
apply_assignment (KzRecord    *record,
                  const char  *assignment,
                  GError     **error)
{
  const char *eq = strchr (assignment, '=');
  g_autofree char *field = NULL;

  if (eq == NULL || eq == assignment)
    {
      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_USAGE,
                   _("“%s” is not an assignment; write FIELD=VALUE."), assignment);
      return FALSE;
    }

  field = g_strstrip (g_strndup (assignment, eq - assignment));
  if (!kz_record_set_text (record, field, eq + 1, error))
    {
      kz_cli_prefix_error (error, record, field);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_fields (KzStore     *store,
            KzKind       kind,
            const char  *id,
            char       **assignments,
            GError     **error)
{
  g_autoptr(KzRecord) record = NULL;

  /* Read, change and write under one lock, so that nobody's change in
   * between is overwritten. */
  if (!kz_store_begin (store, error))
    return FALSE;

  if (!(record = kz_cli_get_record (store, kind, id, error)))
    goto fail;

  if (kz_record_get_deleted (record))
    {
      g_autofree char *what = kz_cli_describe_record (record);

      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_REFUSED,
                   _("%s is in the trash; restore it first."), what);
      goto fail;
    }

  for (guint i = 0; assignments[i] != NULL; i++)
    if (!apply_assignment (record, assignments[i], error))
      goto fail;

  if (!kz_cli_save_record (store, record, error))
    goto fail;

  return kz_store_commit (store, error);

fail:
  kz_store_rollback (store);
  return FALSE;
}

static int
run_set (KzCli               *cli,
         const KzCliCommand  *command,
         int                  argc,
         char               **argv)
{
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, NULL);
  GError *error = NULL;
  KzStore *store;
  KzKind kind;

  if (!kz_cli_parse (context, command, &argc, &argv, 3, -1, &error) ||
      !kz_cli_parse_kind (argv[1], &kind, &error) ||
      !(store = kz_cli_open_store (cli, FALSE, &error)) ||
      !set_fields (store, kind, argv[2], argv + 3, &error))
    return kz_cli_fail (command, error);

  return KZ_CLI_EXIT_OK;
}

/* delete and restore */

static gboolean
set_deleted (KzStore     *store,
             KzKind       kind,
             char       **ids,
             gboolean     deleted,
             GError     **error)
{
  if (!kz_store_begin (store, error))
    return FALSE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(KzRecord) record = kz_cli_get_record (store, kind, ids[i], error);
      const char *uuid = record ? kz_record_get_uuid (record) : NULL;

      if (record == NULL ||
          !(deleted ? kz_store_delete (store, kind, uuid, error)
                    : kz_store_restore (store, kind, uuid, error)))
        {
          kz_store_rollback (store);
          return FALSE;
        }
    }

  return kz_store_commit (store, error);
}

static int
run_delete_or_restore (KzCli               *cli,
                       const KzCliCommand  *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(GOptionContext) context = kz_cli_context_new (cli, command, NULL);
  gboolean deleted = g_str_equal (command->name, "delete");
  GError *error = NULL;
  KzStore *store;
  KzKind kind;

  if (!kz_cli_parse (context, command, &argc, &argv, 1, -1, &error))
    return kz_cli_fail (command, error);

  /* "restore FILE" brings back a backup. */
  if (!deleted && argc == 2)
    return kz_cli_restore_backup (cli, command, argv[1]);

  if (argc < 3)
    return kz_cli_fail (command, g_error_new (KZ_CLI_ERROR, KZ_CLI_EXIT_USAGE,
                                              _("Missing arguments: kompetenz-cli %s %s"),
                                              command->name, _(command->parameters)));

  if (!kz_cli_parse_kind (argv[1], &kind, &error) ||
      !(store = kz_cli_open_store (cli, FALSE, &error)) ||
      !set_deleted (store, kind, argv + 2, deleted, &error))
    return kz_cli_fail (command, error);

  return KZ_CLI_EXIT_OK;
}

const KzCliCommand kz_cli_edit_commands[] = {
  { "add", NULL, N_("TYPE --json FILE"), N_("Add records from their JSON form"),
    N_("FILE holds one record as “show --json” prints it, or an array of them as "
       "“list --json” prints. “id” is optional (a new one is made); a record whose id "
       "exists already is refused: change it with “set”. “created” and “modified” are "
       "set by the portfolio. The records are checked like in the app and added all "
       "together or not at all; their ids are printed.\n\n"
       "Examples:\n"
       "  kompetenz-cli add project --json new-project.json\n"
       "  echo '{\"fields\": {\"name\": \"Diakonie Celle\"}}' | kompetenz-cli add organisation --json -\n"
       "  kompetenz-cli show project 0b7c1d2e --json | kompetenz-cli --database copy.db add project --json -"),
    run_add },
  { "set", NULL, N_("TYPE ID FIELD=VALUE…"), N_("Change fields of a record"),
    N_("Values are canonical or German text, as typed in the app: dates 2026-12-31 or "
       "31.12.2026, amounts 1234.50 or 1.234,50 €, vocabulary ids or labels, lists "
       "separated by commas. “FIELD=” empties a field. The record is checked like in "
       "the app and every change goes into its history.\n\n"
       "Examples:\n"
       "  kompetenz-cli set project 0b7c1d2e status=running \"end_date=31.12.2027\"\n"
       "  kompetenz-cli set organisation 4f1a9c3b \"email=info@example.org\" phone="),
    run_set },
  { "delete", NULL, N_("TYPE ID…"), N_("Move records to the trash"),
    N_("Deleted records stay in the trash (see “list --deleted”) and can be restored.\n\n"
       "Example:\n"
       "  kompetenz-cli delete project 0b7c1d2e"),
    run_delete_or_restore },
  { "restore", NULL, N_("TYPE ID…|FILE"), N_("Restore records from the trash, or a backup"),
    N_("With a type and ids, brings records back from the trash. With one FILE, replaces "
       "the whole portfolio with the backup in FILE (made by “backup” or the app); the "
       "previous content is first saved next to the portfolio as "
       "PORTFOLIO.before-restore-DATE.bak. Restore a backup only while the app is closed: "
       "it would keep showing the old content.\n\n"
       "Examples:\n"
       "  kompetenz-cli restore project 0b7c1d2e\n"
       "  kompetenz-cli restore ~/Sicherung/portfolio-2026-11-23.kzbackup"),
    run_delete_or_restore },
  { NULL }
};
