/* test-visit-page.c
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

/* Visit mode in a real window: opening an organisation of the trip,
 * capturing notes, attendees, the self-check and a follow-up task,
 * invalid input, undo, a regulatory checkpoint and the "Due Soon"
 * page. */

#include "config.h"

#include "kz-gui-test-util.h"

#include <glib/gstdio.h>

#include "kz-due-page.h"
#include "kz-record-page.h"
#include "kz-maturity.h"
#include "kz-trip-dialog.h"
#include "kz-trip-page.h"
#include "kz-visit-page.h"
#include "kz-window.h"

static AdwApplication *app;

typedef struct
{
  char      *dir;
  KzStore   *store;
  GSettings *settings;
  KzContext *context;
  KzWindow  *window;
  KzRecord  *org;
} Fixture;

static char *
iso_in_days (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static KzRecord *
add (KzStore    *store,
     KzKind      kind,
     const char *first,
     ...)
{
  g_autoptr(KzRecord) r = kz_record_new (kind);
  const char *field = first;
  va_list args;

  va_start (args, first);
  for (; field != NULL; field = va_arg (args, const char *))
    g_assert_true (kz_record_set_text (r, field, va_arg (args, const char *), NULL));
  va_end (args);
  g_assert_true (kz_store_save (store, r, NULL));
  return g_steal_pointer (&r);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *trip[2] = { NULL, NULL };

  f->dir = g_dir_make_tmp ("kz-test-visit-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "portfolio.db", NULL);
  f->store = kz_store_open (path, &error);
  g_assert_no_error (error);
  f->org = add (f->store, KZ_KIND_ORGANISATION, "name", "Pflegedienst Am Deich",
                "fields_of_work", "elderly", "staff", "60", "city", "Stade", NULL);

  f->settings = g_settings_new ("com.example.Kompetenz");
  trip[0] = kz_record_get_uuid (f->org);
  g_settings_set_strv (f->settings, "trip-organisations", trip);
  g_settings_set_string (f->settings, "last-page", "field");
  f->context = kz_context_new (f->store, f->settings);
  f->window = kz_window_new (app, f->context);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  kz_test_drain ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (f->window));
  kz_test_drain ();
  g_clear_object (&f->org);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_settings_reset (f->settings, "trip-organisations");
  g_settings_reset (f->settings, "last-page");
  g_clear_object (&f->settings);
  d = g_dir_open (f->dir, 0, NULL);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row titled @title among the descendants of @root. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  GtkWidget *widget = find_named (root, name);

  g_assert_nonnull (widget);
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
answer (GtkWidget  *root,
        const char *name,
        guint       level)
{
  GtkWidget *dropdown = find_named (root, name);

  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), level);
}

static GtkWidget *
open_visit (Fixture *f)
{
  GtkWidget *trip = find_type (GTK_WIDGET (f->window), KZ_TYPE_TRIP_PAGE);
  GtkWidget *row;

  g_assert_nonnull (trip);
  g_assert_cmpstr (kz_window_get_page_name (f->window), ==, "field");
  row = find_row (trip, "Pflegedienst Am Deich");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  kz_test_drain ();
  g_assert_nonnull (kz_trip_page_get_visit_page (KZ_TRIP_PAGE (trip)));
  return kz_trip_page_get_visit_page (KZ_TRIP_PAGE (trip));
}

static guint
count (KzStore    *store,
       KzKind      kind,
       const char *field,
       const char *uuid)
{
  g_autoptr(GListModel) model = kz_store_list_by_ref (store, kind, field, uuid, NULL);

  return g_list_model_get_n_items (model);
}

static void
fill_form (GtkWidget  *page,
           const char *due)
{
  set_text (page, "visit-attendees", "Frau Janssen (PDL)");
  set_text (page, "visit-notes", "Dienstplanung noch auf Papier.");
  /* Strategy: 4 (weight 2) and 1, 1 → 10/4 = 2.5 → 3; security: 2, 2, 5 (weight 2) → 14/4 = 3.5 → 4. */
  answer (page, "maturity-strategy-0", 4);
  answer (page, "maturity-strategy-1", 1);
  answer (page, "maturity-strategy-2", 1);
  answer (page, "maturity-security-0", 2);
  answer (page, "maturity-security-1", 2);
  answer (page, "maturity-security-2", 5);
  g_assert_true (gtk_widget_activate_action (page, "visit.add-task", NULL));
  set_text (page, "task-title-0", "Angebot Dienstplansoftware einholen");
  set_text (page, "task-due-0", due);
  set_text (page, "task-owner-0", "Frau Janssen");
}

static void
test_capture (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *page = open_visit (f);
  const char *org = kz_record_get_uuid (f->org);
  g_autofree char *today = iso_in_days (0);
  g_autofree char *due = iso_in_days (3);
  g_autoptr(KzRecord) check = NULL;
  g_autoptr(GListModel) visits = NULL;
  g_autoptr(KzRecord) visit = NULL;
  GtkTextBuffer *notes;
  GtkWidget *due_page;

  fill_form (page, due);
  g_assert_true (gtk_widget_activate_action (page, "visit.save", NULL));
  kz_test_drain ();

  visits = kz_store_list_by_ref (f->store, KZ_KIND_VISIT, "organisation_id", org, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (visits), ==, 1);
  visit = g_list_model_get_item (visits, 0);
  g_assert_cmpstr (kz_record_get_string (visit, "date"), ==, today);
  g_assert_cmpstr (kz_record_get_string (visit, "attendees"), ==, "Frau Janssen (PDL)");
  g_assert_cmpstr (kz_record_get_string (visit, "notes"), ==, "Dienstplanung noch auf Papier.");
  g_assert_cmpuint (count (f->store, KZ_KIND_TASK, "visit_id", kz_record_get_uuid (visit)), ==, 1);

  check = kz_maturity_find_check (f->store, org, today, NULL);
  g_assert_nonnull (check);
  g_assert_cmpint (kz_record_get_int (check, "strategy"), ==, 3);
  g_assert_cmpint (kz_record_get_int (check, "security"), ==, 4);
  g_assert_false (kz_record_is_set (check, "skills"));

  /* The form is empty again, and the dossier lists the new follow-up. */
  notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (page, "visit-notes")));
  g_assert_cmpint (gtk_text_buffer_get_char_count (notes), ==, 0);
  g_assert_null (find_named (page, "task-title-0"));
  while (find_row (page, "Angebot Dienstplansoftware einholen") == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* It is due in three days, so "Due Soon" lists it. */
  g_assert_true (kz_window_show_page (f->window, "due"));
  kz_test_drain ();
  due_page = find_type (GTK_WIDGET (f->window), KZ_TYPE_DUE_PAGE);
  /* Collected on a worker thread. */
  while (find_row (due_page, "Angebot Dienstplansoftware einholen") == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* One undo takes back visit, check and task. */
  g_assert_true (kz_undo_manager_undo (kz_window_get_undo_manager (f->window), NULL));
  g_assert_cmpuint (count (f->store, KZ_KIND_VISIT, "organisation_id", org), ==, 0);
  g_assert_cmpuint (count (f->store, KZ_KIND_ASSESSMENT, "organisation_id", org), ==, 0);
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *page = open_visit (f);
  GtkWidget *error_label;
  GtkTextBuffer *notes;

  fill_form (page, "31.02.2026");
  g_assert_true (gtk_widget_activate_action (page, "visit.save", NULL));
  kz_test_drain ();

  error_label = find_named (page, "visit-error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "1"));
  g_assert_cmpuint (count (f->store, KZ_KIND_VISIT, "organisation_id", kz_record_get_uuid (f->org)), ==, 0);
  g_assert_cmpuint (count (f->store, KZ_KIND_ASSESSMENT, "organisation_id", kz_record_get_uuid (f->org)), ==, 0);
  /* Nothing typed is lost. */
  notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (page, "visit-notes")));
  g_assert_cmpint (gtk_text_buffer_get_char_count (notes), >, 0);

  /* Fixed, it saves. */
  set_text (page, "task-due-0", "2026-12-31");
  g_assert_true (gtk_widget_activate_action (page, "visit.save", NULL));
  kz_test_drain ();
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpuint (count (f->store, KZ_KIND_VISIT, "organisation_id", kz_record_get_uuid (f->org)), ==, 1);
}

static void
test_checkpoint (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *page = open_visit (f);
  GtkWidget *row = find_row (page, "Telematikinfrastruktur connection");
  GtkWidget *button;

  g_assert_nonnull (row);
  g_assert_nonnull (find_row (page, "NIS2 applicability and IT security"));
  button = find_type (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  kz_test_drain ();
  g_assert_cmpuint (count (f->store, KZ_KIND_PROJECT, "lead_organisation_id", kz_record_get_uuid (f->org)), ==, 1);
}

static GtkWidget *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (KZ_IS_TRIP_DIALOG (l->data))
      return l->data;
  return NULL;
}

static void
test_prepare_trip (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KzRecord) other = add (f->store, KZ_KIND_ORGANISATION, "name", "Caritas Kita Sonnenschein", NULL);
  GtkWidget *trip = find_type (GTK_WIDGET (f->window), KZ_TYPE_TRIP_PAGE);
  GtkWidget *dialog, *row, *check;
  g_auto(GStrv) chosen = NULL;

  g_assert_true (gtk_widget_activate_action (trip, "trip.prepare", NULL));
  kz_test_drain ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  /* The search narrows the list; ticking adds to the trip. */
  set_text (dialog, "trip-search", "sonnen");
  while (gtk_widget_get_child_visible (find_row (dialog, "Pflegedienst Am Deich")))
    g_main_context_iteration (NULL, TRUE);
  row = find_row (dialog, "Caritas Kita Sonnenschein");
  g_assert_true (gtk_widget_get_child_visible (row));
  check = find_type (row, GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find_named (dialog, "prepare-trip"))), ==,
                   "_Prepare 2 Organisations");
  g_signal_emit_by_name (find_named (dialog, "prepare-trip"), "clicked");
  kz_test_drain ();

  chosen = g_settings_get_strv (f->settings, "trip-organisations");
  g_assert_cmpuint (g_strv_length (chosen), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *)chosen, kz_record_get_uuid (other)));
  g_assert_nonnull (find_row (trip, "Caritas Kita Sonnenschein"));
  /* Without sync, the page says that everything is on this computer. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_named (trip, "trip-status"))), "not set up"));

  g_assert_true (gtk_widget_activate_action (trip, "trip.end", NULL));
  kz_test_drain ();
  g_assert_null (find_row (trip, "Caritas Kita Sonnenschein"));
}

/* An organisation's own page starts visit mode; one not yet on the trip
 * joins it.  A firm's page has no such button. */
static void
test_start_from_record (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KzRecord) other = add (f->store, KZ_KIND_ORGANISATION, "name", "Jugendhilfe Elbufer",
                                   "city", "Cuxhaven", NULL);
  g_autoptr(KzRecord) firm = add (f->store, KZ_KIND_FIRM, "name", "Nordsoft GmbH", NULL);
  g_auto(GStrv) trip = NULL;
  GtkWidget *page;
  GtkWidget *button;
  GtkWidget *trip_page;
  GtkWidget *visit;

  page = kz_window_show_record (f->window, KZ_KIND_FIRM, kz_record_get_uuid (firm));
  kz_test_drain ();
  button = kz_test_find_by_action (page, "win.start-visit");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (button));

  g_assert_true (kz_window_show_page (f->window, "organisations"));
  kz_test_drain ();
  page = kz_window_show_record (f->window, KZ_KIND_ORGANISATION, kz_record_get_uuid (other));
  kz_test_drain ();
  button = kz_test_find_by_action (page, "win.start-visit");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  /* "clicked" at once: activating a button waits for its press effect. */
  g_signal_emit_by_name (button, "clicked");
  kz_test_drain ();

  g_assert_cmpstr (kz_window_get_page_name (f->window), ==, "field");
  trip_page = find_type (GTK_WIDGET (f->window), KZ_TYPE_TRIP_PAGE);
  visit = kz_trip_page_get_visit_page (KZ_TRIP_PAGE (trip_page));
  g_assert_nonnull (visit);
  g_assert_nonnull (strstr (kz_visit_page_get_title (KZ_VISIT_PAGE (visit)), "Jugendhilfe Elbufer"));
  trip = g_settings_get_strv (f->settings, "trip-organisations");
  g_assert_true (g_strv_contains ((const char * const *)trip, kz_record_get_uuid (other)));
  g_assert_true (g_strv_contains ((const char * const *)trip, kz_record_get_uuid (f->org)));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = adw_application_new ("com.example.Kompetenz.TestVisit", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add ("/visit-page/capture", Fixture, NULL, fixture_set_up, test_capture, fixture_tear_down);
  g_test_add ("/visit-page/invalid", Fixture, NULL, fixture_set_up, test_invalid, fixture_tear_down);
  g_test_add ("/visit-page/prepare-trip", Fixture, NULL, fixture_set_up, test_prepare_trip, fixture_tear_down);
  g_test_add ("/visit-page/checkpoint", Fixture, NULL, fixture_set_up, test_checkpoint, fixture_tear_down);
  g_test_add ("/visit-page/start-from-record", Fixture, NULL, fixture_set_up, test_start_from_record, fixture_tear_down);

  return g_test_run ();
}
