/* test-report.c
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

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "exchange-test-util.h"
#include "kz-format.h"

#define SEED 11

/* The text of every page, through poppler's pdftotext. */
static GStrv
pdf_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *last = NULL;
  int status = 0;
  GStrv pages;
  guint n;

  g_assert_nonnull (program);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Pages end with a form feed; drop what follows the last one. */
  pages = g_strsplit (out, "\f", -1);
  n = g_strv_length (pages);
  last = n > 0 ? g_strstrip (g_strdup (pages[n - 1])) : NULL;
  if (last != NULL && last[0] == 0)
    g_clear_pointer (&pages[n - 1], g_free);
  return pages;
}

/* Drops blanks and line breaks, so that text wrapped anywhere matches. */
static char *
flatten (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *flat_haystack = flatten (haystack);
  g_autofree char *flat_needle = flatten (needle);

  return strstr (flat_haystack, flat_needle) != NULL;
}

static char *
write_report (TempStore      *t,
              GListModel     *projects,
              const char     *name,
              const char     *title,
              const char     *selection,
              KzProgressFunc  progress,
              gpointer        data,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autofree char *path = temp_store_file (t, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (!kz_report_write (t->store, projects, title, selection, file, progress, data, cancellable, error))
    return NULL;
  return g_steal_pointer (&path);
}

static const char *
first_line (const char *page)
{
  static char line[256];
  const char *p = page;

  while (*p && g_ascii_isspace (*p))
    p++;
  g_strlcpy (line, p, sizeof line);
  if (strchr (line, '\n'))
    *strchr (line, '\n') = 0;
  return line;
}

static void
check_contents (TempStore  *t,
                GListModel *projects,
                GStrv       pages)
{
  guint n = g_list_model_get_n_items (projects);
  g_autofree char *all = NULL;
  g_autofree char *flat = NULL;
  guint continued = 0;

  /* Title, summary, heat map, at least one table page, a page per project. */
  g_assert_cmpuint (g_strv_length (pages), >=, 4 + n);
  all = g_strjoinv (" ", pages);
  flat = flatten (all);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) p = g_list_model_get_item (projects, i);

      g_autofree char *title = flatten (kz_record_get_title (p));

      g_assert_nonnull (strstr (flat, title));
    }

  /* The table's heading is repeated on every page it continues on. */
  for (guint i = 4; pages[i] != NULL; i++)
    if (g_str_has_prefix (first_line (pages[i]), _("Title")))
      {
        g_assert_nonnull (strstr (first_line (pages[i]), _("Lead organisation")));
        continued++;
      }
  g_assert_cmpuint (continued, >=, n > 40 ? 1 : 0);
}

static void
test_german_report (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(GDate) today = test_today ();
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *title_page = NULL;
  g_auto(GStrv) pages = NULL;
  const char *headings[] = {
    "Summary", "Projects by status", "Projects by health", "Budgets", "Funding",
    "Projects by focus area and district", "Milestones", "Participating organisations",
    "Funding applications", "Lead organisation", "Planned budget", NULL,
  };

  g_assert_true (kz_demo_generate (t->store, 60, SEED, today, NULL, &error));
  projects = test_list (t->store, KZ_KIND_PROJECT);

  test_set_language ("de");
  path = write_report (t, projects, "bericht.pdf", "Portfolio Niedersachsen",
                       "Alle laufenden Projekte", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  pages = pdf_pages (path);
  check_contents (t, projects, pages);

  title_page = flatten (pages[0]);
  g_assert_true (contains (title_page, "Portfolio Niedersachsen"));
  g_assert_true (contains (title_page, "Alle laufenden Projekte"));
  g_assert_true (contains (title_page, "60"));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *date = kz_format_date (iso);

    g_assert_true (contains (title_page, date));
  }

  /* Headings in German as far as de.po translates them (the English
   * source strings otherwise). */
  g_free (title_page);
  title_page = g_strjoinv (" ", pages);
  flat = flatten (title_page);
  for (guint i = 0; headings[i] != NULL; i++)
    {
      const char *expected = g_dgettext (GETTEXT_PACKAGE, headings[i]);

      if (g_str_equal (expected, headings[i]))
        g_test_message ("not yet translated: “%s”", headings[i]);
      g_assert_true (contains (flat, expected));
    }
  test_set_language ("C");
}

static int
compare_labels (const void *a,
                const void *b)
{
  return g_utf8_collate (*(const char **)a, *(const char **)b);
}

static void
test_heat_map (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(GDate) today = test_today ();
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(GHashTable) districts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *heat = NULL;
  g_auto(GStrv) pages = NULL;

  g_assert_true (kz_demo_generate (t->store, 30, SEED, today, NULL, &error));
  projects = test_list (t->store, KZ_KIND_PROJECT);
  path = write_report (t, projects, "heat.pdf", NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  pages = pdf_pages (path);
  heat = flatten (pages[2]);
  g_assert_true (contains (heat, "Projects by focus area and district"));

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(KzRecord) p = g_list_model_get_item (projects, i);
      g_autoptr(KzRecord) org = NULL;
      const char *lead = kz_record_get_string (p, "lead_organisation_id");

      if (lead == NULL || !(org = kz_store_get (t->store, KZ_KIND_ORGANISATION, lead, NULL)) ||
          !kz_record_is_set (org, "district"))
        continue;
      g_hash_table_add (districts, (gpointer)kz_vocabulary_get_label (&kz_vocab_district,
                                                                      kz_record_get_string (org, "district")));
    }
  g_assert_cmpuint (g_hash_table_size (districts), >, 1);

  /* Each district of a lead organisation is listed, sorted by name. */
  {
    guint n = 0;
    g_autofree const char **labels = (const char **)g_hash_table_get_keys_as_array (districts, &n);
    const char *at = heat;

    qsort (labels, n, sizeof (char *), compare_labels);
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *label = flatten (labels[i]);

        at = strstr (at, label);
        g_assert_nonnull (at);
      }
  }
}

typedef struct
{
  GCancellable *cancellable;
  double        at;
  double        last;
} Progress;

static void
progress_cb (const char *message,
             double      fraction,
             gpointer    user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  p->last = fraction;
  if (p->cancellable != NULL && fraction >= p->at)
    g_cancellable_cancel (p->cancellable);
}

static void
test_cancel (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(GDate) today = test_today ();
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = temp_store_file (t, "cancelled.pdf");
  Progress p = { cancellable, 0.5, 0 };

  g_assert_true (kz_demo_generate (t->store, 50, SEED, today, NULL, &error));
  projects = test_list (t->store, KZ_KIND_PROJECT);
  path = write_report (t, projects, "cancelled.pdf", NULL, NULL, progress_cb, &p, cancellable, &error);
  g_assert_null (path);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));
}

static void
test_empty (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(GListModel) projects = test_list (t->store, KZ_KIND_PROJECT);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_report (t, projects, "leer.pdf", NULL, NULL, NULL, NULL, NULL, &error);
  g_auto(GStrv) pages = NULL;

  g_assert_no_error (error);
  pages = pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, 4);
  g_assert_true (contains (pages[0], "Portfolio report"));
  g_assert_true (contains (pages[0], "All projects"));
}

static void
test_thousand_projects (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(GDate) today = test_today ();
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  Progress p = { NULL, 0, 0 };
  gint64 start;
  GStatBuf st;

  g_assert_true (kz_demo_generate (t->store, 1000, KZ_DEMO_DEFAULT_SEED, today, NULL, &error));
  projects = test_list (t->store, KZ_KIND_PROJECT);

  start = g_get_monotonic_time ();
  path = write_report (t, projects, "gross.pdf", NULL, NULL, progress_cb, &p, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (p.last, ==, 1.0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("PDF report of 1 000 projects: %.2f s, %.1f MB",
                  test_seconds_since (start), st.st_size / 1e6);

  pages = pdf_pages (path);
  g_test_message ("%u pages", g_strv_length (pages));
  check_contents (t, projects, pages);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/exchange/report/german", test_german_report);
  g_test_add_func ("/exchange/report/heat-map", test_heat_map);
  g_test_add_func ("/exchange/report/cancel", test_cancel);
  g_test_add_func ("/exchange/report/empty", test_empty);
  g_test_add_func ("/exchange/report/thousand-projects", test_thousand_projects);

  return g_test_run ();
}
