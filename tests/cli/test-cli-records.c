/* test-cli-records.c
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

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kz-cli-test.h"
#include "kz-record-json.h"

/* kompetenz-cli list, show, history, add, set, delete and restore on a
 * demo portfolio of 50 projects, run as a real process. */

static char *demo_path;

typedef struct
{
  KzCliTest *t;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->t = kz_cli_test_new ();
  kz_cli_test_use_copy (f->t, demo_path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  kz_cli_test_free (f->t);
}

static const char *
kind_name (KzKind kind)
{
  return kz_kind_get_info (kind)->name;
}

/* The first record of @kind that has a title (the trash leaves out
 * records without one). */
static char *
first_uuid (KzCliTest *t,
            KzKind     kind)
{
  g_autoptr(KzStore) store = kz_cli_test_open_store (t);
  g_autoptr(GListModel) records = kz_store_list (store, kind, NULL);
  const KzKindInfo *info = kz_kind_get_info (kind);

  g_assert_nonnull (records);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);

      if (kz_record_is_set (record, info->fields[info->title_field].name))
        return g_strdup (kz_record_get_uuid (record));
    }

  g_assert_not_reached ();
}

static KzRecord *
get_record (KzCliTest  *t,
            KzKind      kind,
            const char *uuid)
{
  g_autoptr(KzStore) store = kz_cli_test_open_store (t);
  g_autoptr(GError) error = NULL;
  KzRecord *record = kz_store_get (store, kind, uuid, &error);

  g_assert_no_error (error);
  return record;
}

static guint
json_length (const char *text)
{
  g_autoptr(JsonNode) node = kz_cli_test_parse_json (text);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_get_length (json_node_get_array (node));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';

  return n;
}

static guint
list_count (KzCliTest  *t,
            const char *first_arg,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  va_list ap;

  g_ptr_array_add (args, (char *)"list");
  va_start (ap, first_arg);
  for (const char *a = first_arg; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)a);
  va_end (ap);
  g_ptr_array_add (args, (char *)"--json");
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (kz_cli_test_runv (t, NULL, &out, NULL, (const char * const *)args->pdata), ==, 0);
  return json_length (out);
}

/* Help and usage */

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  const char *commands[] = { "list", "show", "history", "types", "fields", "add", "set",
                             "delete", "restore", "login", "logout", "sync", "conflicts list",
                             "conflicts resolve", "sync status" };
  g_autofree char *main_help = kz_cli_test_check (f->t, 0, "--help", NULL);
  g_autofree char *version = kz_cli_test_check (f->t, 0, "--version", NULL);

  g_assert_true (g_str_has_prefix (version, "kompetenz-cli "));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GStrv) words = g_strsplit (commands[i], " ", 2);
      g_autofree char *out = NULL;
      g_autofree char *via_help = NULL;

      g_assert_nonnull (strstr (main_help, commands[i]));
      out = kz_cli_test_check (f->t, 0, words[0], words[1] ? words[1] : "--help",
                               words[1] ? "--help" : NULL, NULL);
      g_assert_nonnull (strstr (out, "Usage:"));
      g_assert_nonnull (strstr (out, commands[i]));
      g_assert_nonnull (strstr (out, "kompetenz-cli "));
      g_assert_nonnull (strstr (out, "--database"));
      via_help = kz_cli_test_check (f->t, 0, "help", words[0], words[1], NULL);
      g_assert_cmpstr (out, ==, via_help);
    }
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  const char *nothing[] = { NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (kz_cli_test_runv (f->t, NULL, NULL, &err, nothing), ==, 2);
  g_assert_nonnull (strstr (err, "No command"));
  kz_cli_test_expect (f->t, 2, "Unknown command “frobnicate”", "frobnicate", NULL);
  kz_cli_test_expect (f->t, 2, "sub-commands", "conflicts", NULL);
  kz_cli_test_expect (f->t, 2, "--bogus", "list", "project", "--bogus", NULL);
  kz_cli_test_expect (f->t, 2, "--bogus", "--bogus", "list", "project", NULL);
  kz_cli_test_expect (f->t, 2, "Missing arguments", "list", NULL);
  kz_cli_test_expect (f->t, 2, "Missing arguments", "show", "project", NULL);
  kz_cli_test_expect (f->t, 2, "Unexpected argument “extra”", "list", "project", "extra", NULL);
  kz_cli_test_expect (f->t, 2, "Missing arguments", "set", "project", "12345678", NULL);
  kz_cli_test_expect (f->t, 2, "kompetenz-cli list --help", "list", "project", "--filter", "status", NULL);
}

static void
test_missing_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *missing = kz_cli_test_path (f->t, "nowhere/portfolio.db");
  g_autofree char *folder = kz_cli_test_path (f->t, "folder.db");

  kz_cli_test_expect (f->t, 3, "There is no portfolio", "--database", missing, "list", "project", NULL);
  kz_cli_test_expect (f->t, 3, NULL, "--database", missing, "show", "project", "12345678", NULL);
  kz_cli_test_expect (f->t, 3, NULL, "--database", missing, "set", "project", "12345678", "a=b", NULL);
  kz_cli_test_expect (f->t, 3, NULL, "--database", missing, "delete", "project", "12345678", NULL);
  kz_cli_test_expect (f->t, 3, NULL, "--database", missing, "sync", "status", NULL);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  kz_cli_test_expect (f->t, 3, NULL, "--database", folder, "list", "project", NULL);
}

/* Reading */

static void
test_list_every_type (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KzStore) store = kz_cli_test_open_store (f->t);

  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      const KzKindInfo *info = kz_kind_get_info (k);
      guint n = kz_store_count (store, k);
      g_autofree char *table = kz_cli_test_check (f->t, 0, "list", info->table, NULL);

      g_assert_cmpuint (n, >, 0);
      g_assert_cmpuint (list_count (f->t, info->name, NULL), ==, n);
      g_assert_cmpuint (count_lines (table), ==, n + 1);
      g_assert_true (g_str_has_prefix (table, "ID "));
    }

  kz_cli_test_expect (f->t, 1, "“gizmo” is not a record type", "list", "gizmo", NULL);
  g_assert_cmpuint (list_count (f->t, "sessions", NULL), ==, kz_store_count (store, KZ_KIND_SESSION));
}

static guint
count_projects (KzCliTest *t,
                gboolean (*pred) (KzRecord *))
{
  g_autoptr(KzStore) store = kz_cli_test_open_store (t);
  g_autoptr(GListModel) projects = kz_store_list (store, KZ_KIND_PROJECT, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(KzRecord) p = g_list_model_get_item (projects, i);

      n += pred (p);
    }

  return n;
}

static gboolean
running_ending_2027 (KzRecord *p)
{
  const char *end = kz_record_get_string (p, "end_date");

  return g_strcmp0 (kz_record_get_string (p, "status"), "running") == 0 &&
         end != NULL && strcmp (end, "2028-01-01") < 0;
}

static gboolean
big_budget (KzRecord *p)
{
  return kz_record_is_set (p, "budget_planned") && kz_record_get_int (p, "budget_planned") > 2000000;
}

static void
test_list_filter (Fixture       *f,
                  gconstpointer  data)
{
  guint expected = count_projects (f->t, running_ending_2027);
  guint total;

  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (list_count (f->t, "project", "--filter", "status=running",
                                "--filter", "end_date<2028-01-01", NULL), ==, expected);
  g_assert_cmpuint (list_count (f->t, "projects", "-f", "status=Running",
                                "-f", "end_date<01.01.2028", NULL), ==, expected);
  g_assert_cmpuint (list_count (f->t, "project", "--filter", "budget_planned>20.000,00 €", NULL), ==,
                    count_projects (f->t, big_budget));

  total = list_count (f->t, "project", NULL);
  g_assert_cmpuint (list_count (f->t, "project", "-f", "status=running", NULL) +
                    list_count (f->t, "project", "-f", "status!=running", NULL), ==, total);
  g_assert_cmpuint (list_count (f->t, "organisation", "-f", "name~CARITAS", NULL), >, 0);
  g_assert_cmpuint (list_count (f->t, "project", "-f", "title~juedische", NULL), ==,
                    list_count (f->t, "project", "-f", "title~Jüdische", NULL));

  kz_cli_test_expect (f->t, 2, "is not a filter", "list", "project", "-f", "status", NULL);
  kz_cli_test_expect (f->t, 1, "no field “colour”", "list", "project", "-f", "colour=red", NULL);
  kz_cli_test_expect (f->t, 1, "status", "list", "project", "-f", "status=flying", NULL);
  kz_cli_test_expect (f->t, 1, "end_date", "list", "project", "-f", "end_date<soon", NULL);
  kz_cli_test_expect (f->t, 1, "title", "list", "project", "-f", "title<M", NULL);
}

static void
test_show_every_type (Fixture       *f,
                      gconstpointer  data)
{
  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      g_autofree char *uuid = first_uuid (f->t, k);
      g_autofree char *prefix = g_strndup (uuid, 8);
      g_autoptr(KzRecord) record = get_record (f->t, k, uuid);
      g_autoptr(JsonNode) expected = kz_record_to_json (record);
      g_autofree char *text = kz_cli_test_check (f->t, 0, "show", kind_name (k), prefix, NULL);
      g_autofree char *json = kz_cli_test_check (f->t, 0, "show", kind_name (k), uuid, "--json", NULL);
      g_autoptr(JsonNode) node = kz_cli_test_parse_json (json);
      g_autofree char *history = kz_cli_test_check (f->t, 0, "history", kind_name (k), prefix, NULL);

      g_assert_nonnull (strstr (text, uuid));
      g_assert_true (json_node_equal (node, expected));
      g_assert_nonnull (strstr (history, "(created)"));
    }
}

static void
test_show_errors (Fixture       *f,
                  gconstpointer  data)
{
  const char *twins = "[{\"id\": \"aaaaaaaa-0000-4000-8000-000000000001\", \"fields\": {\"name\": \"A\"}},"
                      " {\"id\": \"aaaaaaaa-0000-4000-8000-000000000002\", \"fields\": {\"name\": \"B\"}}]";
  g_autofree char *uuid = first_uuid (f->t, KZ_KIND_PROJECT);
  g_autofree char *firm = first_uuid (f->t, KZ_KIND_FIRM);
  g_autofree char *upper = g_ascii_strup (uuid, -1);
  g_autofree char *out = NULL;

  kz_cli_test_expect (f->t, 1, "not a record type", "show", "gizmo", uuid, NULL);
  kz_cli_test_expect (f->t, 2, "at least 8 characters", "show", "project", "abc", NULL);
  kz_cli_test_expect (f->t, 1, "There is no project", "show", "project", "ffffffff", NULL);
  kz_cli_test_expect (f->t, 1, "There is no project", "show", "project",
                      "ffffffff-0000-4000-8000-000000000000", NULL);
  /* A firm's id is no project's. */
  kz_cli_test_expect (f->t, 1, "There is no project", "show", "project", firm, NULL);

  g_assert_cmpint (kz_cli_test_run (f->t, twins, NULL, NULL, "add", "firm", "--json", "-", NULL), ==, 0);
  kz_cli_test_expect (f->t, 1, "more characters", "show", "firm", "aaaaaaaa", NULL);
  g_free (kz_cli_test_check (f->t, 0, "show", "firm", "aaaaaaaa-0000-4000-8000-000000000002", NULL));
  g_free (kz_cli_test_check (f->t, 0, "show", "firm", "AAAAAAAA-0000-4000-8000-000000000002", NULL));

  out = kz_cli_test_check (f->t, 0, "show", "project", upper, NULL);
  g_assert_nonnull (strstr (out, uuid));
}

static void
test_types_fields (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *types = kz_cli_test_check (f->t, 0, "types", NULL);

  g_assert_cmpuint (count_lines (types), ==, KZ_N_KINDS);
  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      const KzKindInfo *info = kz_kind_get_info (k);
      g_autofree char *fields = kz_cli_test_check (f->t, 0, "fields", info->name, NULL);

      g_assert_nonnull (strstr (types, info->name));
      g_assert_cmpuint (count_lines (fields), ==, info->n_fields);
      for (guint i = 0; i < info->n_fields; i++)
        g_assert_nonnull (strstr (fields, info->fields[i].name));
    }

  kz_cli_test_expect (f->t, 1, "not a record type", "fields", "gizmo", NULL);
}

/* add: the JSON that show prints goes back in */

static void
test_add_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      g_autofree char *uuid = first_uuid (f->t, k);
      g_autofree char *json = kz_cli_test_check (f->t, 0, "show", kind_name (k), uuid, "--json", NULL);
      g_autoptr(JsonNode) node = kz_cli_test_parse_json (json);
      g_autofree char *without_id = NULL;
      g_autofree char *added = NULL;
      g_autofree char *copy_json = NULL;
      g_autoptr(JsonNode) copy = NULL;

      /* The original goes to the trash first, so that a registration's
       * copy still fits into its training. */
      g_free (kz_cli_test_check (f->t, 0, "delete", kind_name (k), uuid, NULL));
      json_object_remove_member (json_node_get_object (node), "id");
      without_id = json_to_string (node, TRUE);
      g_assert_cmpint (kz_cli_test_run (f->t, without_id, &added, NULL,
                                        "add", kind_name (k), "--json", "-", NULL), ==, 0);
      g_strstrip (added);
      g_assert_true (g_uuid_string_is_valid (added));
      g_assert_cmpstr (added, !=, uuid);

      copy_json = kz_cli_test_check (f->t, 0, "show", kind_name (k), added, "--json", NULL);
      copy = kz_cli_test_parse_json (copy_json);
      g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (copy), "fields"),
                                      json_object_get_member (json_node_get_object (node), "fields")));

      /* The original, id and all, is refused: it exists. */
      g_assert_cmpint (kz_cli_test_run (f->t, json, NULL, NULL, "add", kind_name (k), "--json", "-", NULL), ==, 1);
    }
}

/* With ids kept, into a new portfolio: an organisation, then a project
 * that refers to it. */
static void
test_add_into_new (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KzCliTest) other = kz_cli_test_new ();
  g_autoptr(KzStore) store = kz_cli_test_open_store (f->t);
  g_autoptr(GListModel) projects = kz_store_list (store, KZ_KIND_PROJECT, NULL);
  g_autoptr(KzRecord) project = NULL;
  const char *lead = NULL;
  g_autofree char *org_json = NULL;
  g_autofree char *project_json = NULL;
  g_autofree char *file = kz_cli_test_path (f->t, "project.json");

  for (guint i = 0; lead == NULL; i++)
    {
      g_clear_object (&project);
      project = g_list_model_get_item (projects, i);
      lead = kz_record_get_string (project, "lead_organisation_id");
    }

  org_json = kz_cli_test_check (f->t, 0, "show", "organisation", lead, "--json", NULL);
  project_json = kz_cli_test_check (f->t, 0, "show", "project", kz_record_get_uuid (project), "--json", NULL);
  g_assert_true (g_file_set_contents (file, project_json, -1, NULL));

  /* The project first: its organisation is missing. */
  kz_cli_test_expect (other, 1, "lead_organisation_id", "add", "project", "--json", file, NULL);
  g_assert_cmpint (kz_cli_test_run (other, org_json, NULL, NULL, "add", "organisation", "--json", "-", NULL), ==, 0);
  g_free (kz_cli_test_check (other, 0, "add", "project", "--json", file, NULL));

  {
    g_autofree char *again = kz_cli_test_check (other, 0, "show", "project",
                                                kz_record_get_uuid (project), "--json", NULL);
    g_autoptr(JsonNode) a = kz_cli_test_parse_json (again);
    g_autoptr(JsonNode) b = kz_cli_test_parse_json (project_json);

    g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (a), "fields"),
                                    json_object_get_member (json_node_get_object (b), "fields")));
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (a), "id"), ==,
                     json_object_get_string_member (json_node_get_object (b), "id"));
  }
}

static void
add_refused (KzCliTest  *t,
             const char *kind,
             const char *json,
             int         status,
             const char *needle)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (kz_cli_test_run (t, json, NULL, &err, "add", kind, "--json", "-", NULL), ==, status);
  if (strstr (err, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, err);
}

static void
test_add_refused (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *missing = kz_cli_test_path (f->t, "missing.json");
  guint before = list_count (f->t, "project", NULL);

  add_refused (f->t, "project", "{\"fields\": {\"title\": \"X\", \"status\": \"running\", \"colour\": \"red\"}}",
               1, "colour");
  add_refused (f->t, "project", "{\"fields\": {\"title\": \"X\", \"status\": \"flying\"}}", 1, "status");
  add_refused (f->t, "project", "{\"fields\": {\"title\": \"X\", \"status\": \"idea\", \"end_date\": \"someday\"}}",
               1, "end_date");
  add_refused (f->t, "project", "{\"fields\": {\"title\": \"X\"}}", 1, "status");
  add_refused (f->t, "project", "{\"fields\": {\"title\": \"X\", \"status\": \"idea\", "
               "\"start_date\": \"2027-01-01\", \"end_date\": \"2026-01-01\"}}", 1, "end_date");
  add_refused (f->t, "organisation", "{\"fields\": {\"name\": \"X\", \"email\": \"nope\"}}", 1, "email");
  add_refused (f->t, "project", "{\"type\": \"firm\", \"fields\": {\"name\": \"X\"}}", 1, "firm");
  add_refused (f->t, "project", "{\"fields\": ", 1, "standard input");
  add_refused (f->t, "gizmo", "{}", 1, "not a record type");
  /* All or nothing: the good first record is not added either. */
  add_refused (f->t, "project", "[{\"fields\": {\"title\": \"Good\", \"status\": \"idea\"}},"
               " {\"fields\": {\"title\": \"Bad\", \"status\": \"flying\"}}]", 1, "Record 2");
  g_assert_cmpuint (list_count (f->t, "project", NULL), ==, before);

  kz_cli_test_expect (f->t, 3, "missing.json", "add", "project", "--json", missing, NULL);
  kz_cli_test_expect (f->t, 2, "--json", "add", "project", NULL);
}

/* set */

static const struct
{
  KzKind      kind;
  const char *field;
  const char *value;
  const char *canonical;
} edits[] = {
  { KZ_KIND_ORGANISATION, "city", "Celle", "Celle" },
  { KZ_KIND_CONTACT, "phone", "0511 123456", "0511 123456" },
  { KZ_KIND_ASSESSMENT, "notes", "Gute Basis", "Gute Basis" },
  { KZ_KIND_FIRM, "sector", "IT-Dienstleistung", "IT-Dienstleistung" },
  { KZ_KIND_PROJECT, "budget_planned", "1.234,50 €", "1234.50" },
  { KZ_KIND_MILESTONE, "title", "Abnahme", "Abnahme" },
  { KZ_KIND_PARTNERSHIP, "pro_bono_hours", "12,5", "12.5" },
  { KZ_KIND_TRAINING, "topic", "KI im Alltag", "KI im Alltag" },
  { KZ_KIND_SESSION, "place", "Hannover", "Hannover" },
  { KZ_KIND_REGISTRATION, "participants", "1", "1" },
  { KZ_KIND_PROGRAMME, "funder", "Land Niedersachsen", "Land Niedersachsen" },
  { KZ_KIND_DEADLINE, "title", "Frühjahrsaufruf", "Frühjahrsaufruf" },
  { KZ_KIND_APPLICATION, "amount_applied", "5000", "5000.00" },
  { KZ_KIND_VISIT, "attendees", "Anna, Ben", "Anna, Ben" },
  { KZ_KIND_TASK, "done", "ja", "true" },
};

static const KzHistoryEntry *
find_history (GPtrArray  *history,
              const char *field)
{
  for (guint i = 0; i < history->len; i++)
    if (g_str_equal (((KzHistoryEntry *)history->pdata[i])->field, field))
      return history->pdata[i];

  return NULL;
}

static void
test_set_every_type (Fixture       *f,
                     gconstpointer  data)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (edits) == KZ_N_KINDS);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *uuid = first_uuid (f->t, edits[i].kind);
      g_autofree char *prefix = g_strndup (uuid, 10);
      g_autofree char *assignment = g_strdup_printf ("%s=%s", edits[i].field, edits[i].value);
      g_autoptr(KzRecord) before = get_record (f->t, edits[i].kind, uuid);
      g_autoptr(KzRecord) after = NULL;
      g_autofree char *text = NULL;
      g_autofree char *old = kz_record_dup_text (before, edits[i].field);
      g_autoptr(KzStore) store = NULL;
      g_autoptr(GPtrArray) history = NULL;
      const KzHistoryEntry *entry;

      g_free (kz_cli_test_check (f->t, 0, "set", kind_name (edits[i].kind), prefix, assignment,
                                 "--author", "Erika Mustermann", NULL));
      after = get_record (f->t, edits[i].kind, uuid);
      text = kz_record_dup_text (after, edits[i].field);
      g_assert_cmpstr (text, ==, edits[i].canonical);

      store = kz_cli_test_open_store (f->t);
      history = kz_store_get_history (store, uuid, NULL);
      if (g_strcmp0 (old, edits[i].canonical) == 0)
        continue;
      entry = find_history (history, edits[i].field);
      g_assert_nonnull (entry);
      g_assert_cmpstr (entry->author, ==, "Erika Mustermann");
      g_assert_cmpstr (entry->new_value, ==, edits[i].canonical);
      g_assert_cmpstr (entry->old_value, ==, old);
    }
}

static void
test_set_several_and_clear (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *uuid = first_uuid (f->t, KZ_KIND_PROJECT);
  g_autoptr(KzRecord) record = NULL;

  g_free (kz_cli_test_check (f->t, 0, "set", "project", uuid, "status=Completed",
                             "start_date=1.2.2025", "end_date=31.12.2026", "tags=a, b ,a",
                             "advisor=", NULL));
  record = get_record (f->t, KZ_KIND_PROJECT, uuid);
  g_assert_cmpstr (kz_record_get_string (record, "status"), ==, "completed");
  g_assert_cmpstr (kz_record_get_string (record, "start_date"), ==, "2025-02-01");
  g_assert_cmpstr (kz_record_get_string (record, "end_date"), ==, "2026-12-31");
  g_assert_cmpuint (g_strv_length ((char **)kz_record_get_list (record, "tags")), ==, 2);
  g_assert_false (kz_record_is_set (record, "advisor"));
}

static void
test_set_refused (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *uuid = first_uuid (f->t, KZ_KIND_PROJECT);
  g_autoptr(KzRecord) before = get_record (f->t, KZ_KIND_PROJECT, uuid);
  g_autoptr(KzRecord) after = NULL;

  kz_cli_test_expect (f->t, 1, "field colour", "set", "project", uuid, "colour=red", NULL);
  kz_cli_test_expect (f->t, 1, "field status", "set", "project", uuid, "status=flying", NULL);
  kz_cli_test_expect (f->t, 1, "field title", "set", "project", uuid, "title=", NULL);
  kz_cli_test_expect (f->t, 1, "field budget_planned", "set", "project", uuid, "budget_planned=-5", NULL);
  kz_cli_test_expect (f->t, 1, "field end_date", "set", "project", uuid,
                      "start_date=2027-01-01", "end_date=2026-01-01", NULL);
  kz_cli_test_expect (f->t, 1, "field lead_organisation_id", "set", "project", uuid,
                      "lead_organisation_id=ffffffff-0000-4000-8000-000000000000", NULL);
  /* Nothing of a refused set is written, not even the valid part. */
  kz_cli_test_expect (f->t, 1, "field status", "set", "project", uuid, "advisor=Neu", "status=flying", NULL);
  kz_cli_test_expect (f->t, 2, "FIELD=VALUE", "set", "project", uuid, "advisor", NULL);
  kz_cli_test_expect (f->t, 1, "not a record type", "set", "gizmo", uuid, "a=b", NULL);
  kz_cli_test_expect (f->t, 1, "There is no project", "set", "project", "ffffffff", "title=x", NULL);

  after = get_record (f->t, KZ_KIND_PROJECT, uuid);
  g_assert_cmpint (kz_record_get_modified (after), ==, kz_record_get_modified (before));

  g_free (kz_cli_test_check (f->t, 0, "delete", "project", uuid, NULL));
  kz_cli_test_expect (f->t, 1, "trash", "set", "project", uuid, "advisor=X", NULL);
}

static char *
last_author (KzCliTest  *t,
             const char *uuid)
{
  g_autofree char *out = kz_cli_test_check (t, 0, "history", "project", uuid, "--json", NULL);
  g_autoptr(JsonNode) node = kz_cli_test_parse_json (out);
  JsonObject *newest = json_array_get_object_element (json_node_get_array (node), 0);

  return g_strdup (json_object_get_string_member (newest, "author"));
}

static void
test_author (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *uuid = first_uuid (f->t, KZ_KIND_PROJECT);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_free (kz_cli_test_check (f->t, 0, "set", "project", uuid, "advisor=Eins", NULL));
  a = last_author (f->t, uuid);
  g_assert_cmpstr (a, ==, g_get_user_name ());

  kz_cli_test_setenv (f->t, "KOMPETENZ_AUTHOR", "Petra Pflege");
  g_free (kz_cli_test_check (f->t, 0, "set", "project", uuid, "advisor=Zwei", NULL));
  b = last_author (f->t, uuid);
  g_assert_cmpstr (b, ==, "Petra Pflege");

  g_free (kz_cli_test_check (f->t, 0, "--author", "Max Muster", "set", "project", uuid, "advisor=Drei", NULL));
  c = last_author (f->t, uuid);
  g_assert_cmpstr (c, ==, "Max Muster");
}

/* delete and restore */

static void
test_delete_restore_every_type (Fixture       *f,
                                gconstpointer  data)
{
  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      g_autofree char *uuid = first_uuid (f->t, k);
      g_autofree char *trash = NULL;
      g_autoptr(KzRecord) record = NULL;
      guint n = list_count (f->t, kind_name (k), NULL);

      g_free (kz_cli_test_check (f->t, 0, "delete", kind_name (k), uuid, "--author", "Erika", NULL));
      g_assert_cmpuint (list_count (f->t, kind_name (k), NULL), ==, n - 1);
      trash = kz_cli_test_check (f->t, 0, "list", kind_name (k), "--deleted", "--json", NULL);
      g_assert_nonnull (strstr (trash, uuid));
      record = get_record (f->t, k, uuid);
      g_assert_true (kz_record_get_deleted (record));

      g_free (kz_cli_test_check (f->t, 0, "restore", kind_name (k), uuid, NULL));
      g_assert_cmpuint (list_count (f->t, kind_name (k), NULL), ==, n);
    }

  kz_cli_test_expect (f->t, 1, "There is no firm", "delete", "firm", "ffffffff", NULL);
  kz_cli_test_expect (f->t, 2, "Missing arguments", "delete", "firm", NULL);
}

static void
test_delete_several (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KzStore) store = kz_cli_test_open_store (f->t);
  g_autoptr(GListModel) firms = kz_store_list (store, KZ_KIND_FIRM, NULL);
  g_autoptr(KzRecord) a = g_list_model_get_item (firms, 0);
  g_autoptr(KzRecord) b = g_list_model_get_item (firms, 1);
  guint n = g_list_model_get_n_items (firms);

  /* One unknown id: none is deleted. */
  kz_cli_test_expect (f->t, 1, "ffffffff", "delete", "firm", kz_record_get_uuid (a), "ffffffff", NULL);
  g_assert_cmpuint (list_count (f->t, "firm", NULL), ==, n);

  g_free (kz_cli_test_check (f->t, 0, "delete", "firm", kz_record_get_uuid (a), kz_record_get_uuid (b), NULL));
  g_assert_cmpuint (list_count (f->t, "firm", NULL), ==, n - 2);
  g_assert_cmpuint (list_count (f->t, "firm", "--deleted", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("kz-cli-demo-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = g_build_filename (dir, "demo.db", NULL);
  kz_cli_test_make_demo (demo_path, 50);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/cli/help", test_help);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/missing-database", test_missing_database);
  ADD ("/cli/list/every-type", test_list_every_type);
  ADD ("/cli/list/filter", test_list_filter);
  ADD ("/cli/show/every-type", test_show_every_type);
  ADD ("/cli/show/errors", test_show_errors);
  ADD ("/cli/types-fields", test_types_fields);
  ADD ("/cli/add/round-trip", test_add_round_trip);
  ADD ("/cli/add/into-new", test_add_into_new);
  ADD ("/cli/add/refused", test_add_refused);
  ADD ("/cli/set/every-type", test_set_every_type);
  ADD ("/cli/set/several-and-clear", test_set_several_and_clear);
  ADD ("/cli/set/refused", test_set_refused);
  ADD ("/cli/set/author", test_author);
  ADD ("/cli/delete-restore/every-type", test_delete_restore_every_type);
  ADD ("/cli/delete/several", test_delete_several);
#undef ADD

  status = g_test_run ();
  kz_cli_test_remove_tree (dir);
  g_free (demo_path);
  return status;
}
