/* test-cli-files.c
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

/* kompetenz-cli import, export, backup and restore, through src/exchange. */

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

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static guint
n_listed (KzCliTest  *t,
          const char *kind,
          const char *filter)
{
  g_autofree char *out = kz_cli_test_check (t, 0, "list", kind, "--json", "--filter",
                                            filter ? filter : "name~", NULL);
  g_autoptr(JsonNode) node = kz_cli_test_parse_json (out);

  return json_array_get_length (json_node_get_array (node));
}

static guint
n_records (KzCliTest *t,
           KzKind     kind)
{
  g_autoptr(KzStore) store = kz_cli_test_open_store (t);

  return kz_store_count (store, kind);
}

/* export */

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = kz_cli_test_path (f->t, "orgs.csv");
  g_autofree char *projects = kz_cli_test_path (f->t, "projects.csv");
  g_autofree char *csv = NULL;
  g_autofree char *project_csv = NULL;

  g_free (kz_cli_test_check (f->t, 0, "export", "organisations", path, "--fields", "name, city",
                             "--filter", "name~e", NULL));
  csv = read_file (path);
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf" "Name;City\r\n"));
  g_assert_cmpuint (count (csv, "\r\n"), ==, n_listed (f->t, "organisation", "name~e") + 1);

  g_free (kz_cli_test_check (f->t, 0, "export", "project", projects, "-f", "status=running", NULL));
  project_csv = read_file (projects);
  g_assert_nonnull (strstr (project_csv, "Title;"));
  g_assert_cmpuint (count (project_csv, ";Running;"), ==, n_listed (f->t, "project", "status=running"));
}

static void
test_export_calendar_report (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *ics_path = kz_cli_test_path (f->t, "termine.ics");
  g_autofree char *pdf_path = kz_cli_test_path (f->t, "bericht.pdf");
  g_autofree char *ics = NULL;
  g_autofree char *pdf = NULL;

  g_free (kz_cli_test_check (f->t, 0, "export", "calendar", ics_path, NULL));
  ics = read_file (ics_path);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR"));
  g_assert_cmpuint (count (ics, "BEGIN:VEVENT"), ==,
                    n_records (f->t, KZ_KIND_SESSION) + n_records (f->t, KZ_KIND_DEADLINE));

  g_free (kz_cli_test_check (f->t, 0, "export", "report", pdf_path, "--filter", "status=running",
                             "--title", "Laufende Projekte", NULL));
  pdf = read_file (pdf_path);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
}

static void
test_export_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = kz_cli_test_path (f->t, "out.csv");
  g_autofree char *unwritable = kz_cli_test_path (f->t, "no/such/folder/out.csv");
  g_autofree char *missing = kz_cli_test_path (f->t, "missing.db");

  kz_cli_test_expect (f->t, 1, "not a record type", "export", "gizmo", path, NULL);
  kz_cli_test_expect (f->t, 1, "colour", "export", "project", path, "--fields", "title,colour", NULL);
  kz_cli_test_expect (f->t, 1, "colour", "export", "project", path, "--filter", "colour=red", NULL);
  kz_cli_test_expect (f->t, 2, "is not a filter", "export", "project", path, "--filter", "status", NULL);
  kz_cli_test_expect (f->t, 2, "do not apply", "export", "calendar", path, "--filter", "date<2027-01-01", NULL);
  kz_cli_test_expect (f->t, 2, "Missing arguments", "export", "project", NULL);
  kz_cli_test_expect (f->t, 3, NULL, "export", "project", unwritable, NULL);
  kz_cli_test_expect (f->t, 3, "no portfolio", "--database", missing, "export", "project", path, NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* import */

static const char organisations_csv[] =
  "Name;Ort;E-Mail\n"
  "Neuer Verein e.V.;Celle;info@verein.example\n"
  "Zweiter Verein;Uelzen;\n"
  "Kaputter Verein;Celle;keine-adresse\n";

static char *
write_csv (KzCliTest  *t,
           const char *text)
{
  char *path = kz_cli_test_path (t, "import.csv");

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = write_csv (f->t, organisations_csv);
  g_autofree char *preview = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *history = NULL;
  guint before = n_records (f->t, KZ_KIND_ORGANISATION);

  preview = kz_cli_test_check (f->t, 1, "import", "organisations", path, "--dry-run", NULL);
  g_assert_nonnull (strstr (preview, "Neuer Verein"));
  g_assert_nonnull (strstr (preview, "reject"));
  g_assert_cmpuint (n_records (f->t, KZ_KIND_ORGANISATION), ==, before);

  kz_cli_test_expect (f->t, 1, "row 4", "import", "organisations", path, "--strict", NULL);
  g_assert_cmpuint (n_records (f->t, KZ_KIND_ORGANISATION), ==, before);

  g_assert_cmpint (kz_cli_test_run (f->t, NULL, &out, &err, "import", "organisation", path,
                                    "--author", "Importeur", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "row 4"));
  g_assert_nonnull (strstr (err, "E-mail"));
  g_assert_nonnull (strstr (out, "Added 2"));
  g_assert_cmpuint (n_records (f->t, KZ_KIND_ORGANISATION), ==, before + 2);
  history = kz_cli_test_check (f->t, 0, "list", "organisation", "-f", "name=Neuer Verein e.V.", NULL);
  g_assert_nonnull (strstr (history, "Celle"));

  /* Again: duplicates are skipped, updated or kept as asked. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (kz_cli_test_run (f->t, NULL, &out, NULL, "import", "organisation", path, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "skipped 2"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (kz_cli_test_run (f->t, NULL, &out, NULL, "import", "organisation", path,
                                    "--on-duplicate", "update", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "updated 2"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (kz_cli_test_run (f->t, NULL, &out, NULL, "import", "organisation", path,
                                    "--on-duplicate", "keep", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Added 2"));
  g_assert_cmpuint (n_records (f->t, KZ_KIND_ORGANISATION), ==, before + 4);
}

static void
test_import_defaults_and_errors (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *path = write_csv (f->t, "Titel;Ende\nNeues Projekt;31.12.2027\n");
  g_autofree char *missing = kz_cli_test_path (f->t, "missing.csv");
  g_autofree char *binary = kz_cli_test_path (f->t, "binary.csv");
  guint before = n_records (f->t, KZ_KIND_PROJECT);

  /* Projects need a status; the file has none. */
  kz_cli_test_expect (f->t, 1, "row 2", "import", "project", path, NULL);
  g_assert_cmpuint (n_records (f->t, KZ_KIND_PROJECT), ==, before);
  g_free (kz_cli_test_check (f->t, 0, "import", "project", path, "--default", "status=idea", NULL));
  g_assert_cmpuint (n_records (f->t, KZ_KIND_PROJECT), ==, before + 1);

  g_assert_true (g_file_set_contents (binary, "\x00\x01\x02\x03PK\x00", 7, NULL));
  kz_cli_test_expect (f->t, 1, "cannot be imported", "import", "milestone", path, NULL);
  kz_cli_test_expect (f->t, 1, "not a record type", "import", "gizmo", path, NULL);
  kz_cli_test_expect (f->t, 1, "status", "import", "project", path, "--default", "status=flying", NULL);
  kz_cli_test_expect (f->t, 1, NULL, "import", "project", binary, NULL);
  kz_cli_test_expect (f->t, 2, "--on-duplicate", "import", "project", path, "--on-duplicate", "merge", NULL);
  kz_cli_test_expect (f->t, 2, "FIELD=VALUE", "import", "project", path, "--default", "status", NULL);
  kz_cli_test_expect (f->t, 2, "Missing arguments", "import", "project", NULL);
  kz_cli_test_expect (f->t, 3, "missing.csv", "import", "project", missing, NULL);
}

/* Exported, then imported into a new portfolio: the same organisations. */
static void
test_export_import_round_trip (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(KzCliTest) other = kz_cli_test_new ();
  g_autofree char *path = kz_cli_test_path (f->t, "orgs.csv");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_free (kz_cli_test_check (f->t, 0, "export", "organisation", path, "--fields", "name,city,email,umbrella", NULL));
  g_free (kz_cli_test_check (other, 0, "import", "organisation", path, NULL));
  g_assert_cmpuint (n_records (other, KZ_KIND_ORGANISATION), ==, n_records (f->t, KZ_KIND_ORGANISATION));

  a = read_file (path);
  g_free (kz_cli_test_check (other, 0, "export", "organisation", path, "--fields", "name,city,email,umbrella", NULL));
  b = read_file (path);
  g_assert_cmpstr (a, ==, b);
}

/* backup and restore */

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *backup = kz_cli_test_path (f->t, "sicherung.kzbackup");
  g_autofree char *before = kz_cli_test_check (f->t, 0, "list", "project", "--json", NULL);
  g_autofree char *after = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) node = kz_cli_test_parse_json (before);
  const char *first = json_object_get_string_member (json_array_get_object_element (json_node_get_array (node), 0), "id");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint previous = 0;

  g_free (kz_cli_test_check (f->t, 0, "backup", backup, NULL));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  g_free (kz_cli_test_check (f->t, 0, "delete", "project", first, NULL));
  changed = kz_cli_test_check (f->t, 0, "list", "project", "--json", NULL);
  g_assert_cmpstr (changed, !=, before);

  g_assert_cmpint (kz_cli_test_run (f->t, NULL, NULL, &err, "restore", backup, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "before-restore"));
  after = kz_cli_test_check (f->t, 0, "list", "project", "--json", NULL);
  g_assert_cmpstr (after, ==, before);

  dir = g_dir_open (f->t->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    previous += strstr (name, ".before-restore-") != NULL;
  g_assert_cmpuint (previous, ==, 1);
}

static void
test_backup_restore_errors (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *missing = kz_cli_test_path (f->t, "missing.kzbackup");
  g_autofree char *text = kz_cli_test_path (f->t, "text.txt");
  g_autofree char *unwritable = kz_cli_test_path (f->t, "no/such/folder/b.kzbackup");
  g_autofree char *no_db = kz_cli_test_path (f->t, "none.db");

  g_assert_true (g_file_set_contents (text, "Hallo", -1, NULL));
  kz_cli_test_expect (f->t, 3, "does not exist", "restore", missing, NULL);
  kz_cli_test_expect (f->t, 3, "not a Kompetenz portfolio", "restore", text, NULL);
  kz_cli_test_expect (f->t, 2, "itself", "restore", f->t->database, NULL);
  kz_cli_test_expect (f->t, 2, "ids", "restore", "project", NULL);
  kz_cli_test_expect (f->t, 3, NULL, "backup", unwritable, NULL);
  kz_cli_test_expect (f->t, 3, "no portfolio", "--database", no_db, "backup", missing, NULL);
  kz_cli_test_expect (f->t, 2, "Missing arguments", "backup", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("kz-cli-files-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = g_build_filename (dir, "demo.db", NULL);
  kz_cli_test_make_demo (demo_path, 50);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/cli/export/csv", test_export_csv);
  ADD ("/cli/export/calendar-report", test_export_calendar_report);
  ADD ("/cli/export/errors", test_export_errors);
  ADD ("/cli/import/csv", test_import);
  ADD ("/cli/import/defaults-and-errors", test_import_defaults_and_errors);
  ADD ("/cli/import/round-trip", test_export_import_round_trip);
  ADD ("/cli/backup-restore", test_backup_restore);
  ADD ("/cli/backup-restore/errors", test_backup_restore_errors);
#undef ADD

  status = g_test_run ();
  kz_cli_test_remove_tree (dir);
  g_free (demo_path);
  return status;
}
