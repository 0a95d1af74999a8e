/* test-record-page.c
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

/* Editing in a real window on a temporary portfolio: creating through
 * the rows of a record page, saving edits with history, inline errors,
 * delete and undo.  Run under Xvfb. */

#include "config.h"

#include <glib/gstdio.h>

#include "kz-demo.h"
#include "kz-record-page.h"
#include "kz-trash-page.h"
#include "kz-window.h"

/* One application for all tests: it stays registered on the bus. */
static AdwApplication *app;

typedef struct
{
  char           *dir;
  KzStore        *store;
  GSettings      *settings;
  KzContext      *context;
  AdwApplication *app;
  KzWindow       *window;
} Fixture;

/* Lets pending "changed" signals and idle work run; never a timing
 * assertion. */
static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
changed_cb (KzContext *context,
            guint      kind,
            gboolean  *changed)
{
  *changed = TRUE;
}

/* Waits for the context to announce the last change to the pages,
 * which it does once a burst of changes is over. */
static void
wait_for_change (Fixture *fixture)
{
  gboolean changed = FALSE;
  gulong id = g_signal_connect (fixture->context, "changed", G_CALLBACK (changed_cb), &changed);

  while (!changed)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (fixture->context, id);
  drain ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("kz-test-record-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "portfolio.db", NULL);
  fixture->store = kz_store_open (path, &error);
  g_assert_no_error (error);
  kz_store_set_author (fixture->store, "Test Author");

  fixture->settings = g_settings_new ("com.example.Kompetenz");
  g_settings_set_string (fixture->settings, "last-page", "projects");
  fixture->context = kz_context_new (fixture->store, fixture->settings);
  fixture->app = g_object_ref (app);

  fixture->window = kz_window_new (fixture->app, fixture->context);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "portfolio.db", NULL);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain ();
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->app);
  g_unlink (path);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Types into an entry row and presses its apply button. */
static void
type_and_apply (KzRecordPage *page,
                const char   *field,
                const char   *text)
{
  GtkWidget *entry = kz_record_page_get_field_widget (page, field);

  g_assert_true (ADW_IS_ENTRY_ROW (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "apply");
  drain ();
}

static guint
select_term (KzRecordPage *page,
             const char   *field,
             const char   *term)
{
  GtkWidget *combo = kz_record_page_get_field_widget (page, field);
  GListModel *labels;
  const char *label = kz_vocabulary_get_label (kz_kind_get_field (kz_record_page_get_kind (page), field)->vocab, term);

  g_assert_true (ADW_IS_COMBO_ROW (combo));
  labels = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), label))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
        drain ();
        return i;
      }

  g_assert_not_reached ();
}

static KzRecordPage *
create_project (Fixture    *fixture,
                const char *title)
{
  KzRecordPage *page = KZ_RECORD_PAGE (kz_window_show_record (fixture->window, KZ_KIND_PROJECT, NULL));

  g_assert_nonnull (page);
  g_assert_true (kz_record_page_is_new (page));
  type_and_apply (page, "title", title);
  /* Not written yet: the status is required. */
  g_assert_cmpuint (kz_store_count (fixture->store, KZ_KIND_PROJECT), ==, 0);
  select_term (page, "status", "running");
  g_assert_false (kz_record_page_is_new (page));
  return page;
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  KzRecordPage *page = create_project (fixture, "Digitale Beratung");
  g_autoptr(KzRecord) record = NULL;

  g_assert_cmpuint (kz_store_count (fixture->store, KZ_KIND_PROJECT), ==, 1);
  record = kz_store_get (fixture->store, KZ_KIND_PROJECT, kz_record_page_get_uuid (page), NULL);
  g_assert_nonnull (record);
  g_assert_cmpstr (kz_record_get_string (record, "title"), ==, "Digitale Beratung");
  g_assert_cmpstr (kz_record_get_string (record, "status"), ==, "running");
  g_assert_cmpstr (kz_record_page_get_title (page), ==, "Digitale Beratung");
}

static gboolean
has_history (KzStore    *store,
             const char *uuid,
             const char *field,
             const char *new_value)
{
  g_autoptr(GPtrArray) history = kz_store_get_history (store, uuid, NULL);

  for (guint i = 0; history && i < history->len; i++)
    {
      KzHistoryEntry *entry = history->pdata[i];

      if (g_str_equal (entry->field, field) && g_strcmp0 (entry->new_value, new_value) == 0)
        return g_strcmp0 (entry->author, "Test Author") == 0;
    }

  return FALSE;
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  KzRecordPage *page = create_project (fixture, "Digitale Beratung");
  const char *uuid = kz_record_page_get_uuid (page);
  g_autoptr(KzRecord) record = NULL;

  type_and_apply (page, "title", "Digitale Beratung 2.0");
  type_and_apply (page, "start_date", "31.12.2026");
  type_and_apply (page, "budget_planned", "12.500,50");

  record = kz_store_get (fixture->store, KZ_KIND_PROJECT, uuid, NULL);
  g_assert_cmpstr (kz_record_get_string (record, "title"), ==, "Digitale Beratung 2.0");
  g_assert_cmpstr (kz_record_get_string (record, "start_date"), ==, "2026-12-31");
  g_assert_cmpint (kz_record_get_int (record, "budget_planned"), ==, 1250050);
  g_assert_true (has_history (fixture->store, uuid, "title", "Digitale Beratung 2.0"));
  g_assert_true (has_history (fixture->store, uuid, "start_date", "2026-12-31"));
}

static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  KzRecordPage *page = create_project (fixture, "Digitale Beratung");
  const char *uuid = kz_record_page_get_uuid (page);
  GtkWidget *end_row = kz_record_page_get_field_widget (page, "end_date");
  GtkWidget *money_row = kz_record_page_get_field_widget (page, "budget_planned");
  g_autoptr(KzRecord) record = NULL;

  type_and_apply (page, "start_date", "01.06.2026");
  type_and_apply (page, "end_date", "31.12.2025");
  g_assert_true (gtk_widget_has_css_class (end_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end_row)), ==, "31.12.2025");

  type_and_apply (page, "budget_planned", "-5");
  g_assert_true (gtk_widget_has_css_class (money_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (money_row)), ==, "-5");

  type_and_apply (page, "title", "");
  g_assert_true (gtk_widget_has_css_class (kz_record_page_get_field_widget (page, "title"), "error"));

  record = kz_store_get (fixture->store, KZ_KIND_PROJECT, uuid, NULL);
  g_assert_cmpstr (kz_record_get_string (record, "title"), ==, "Digitale Beratung");
  g_assert_false (kz_record_is_set (record, "end_date"));
  g_assert_false (kz_record_is_set (record, "budget_planned"));

  /* A valid value clears the error and is saved. */
  type_and_apply (page, "end_date", "31.12.2026");
  g_assert_false (gtk_widget_has_css_class (end_row, "error"));
  g_clear_object (&record);
  record = kz_store_get (fixture->store, KZ_KIND_PROJECT, uuid, NULL);
  g_assert_cmpstr (kz_record_get_string (record, "end_date"), ==, "2026-12-31");
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  KzRecordPage *page = create_project (fixture, "Digitale Beratung");
  g_autofree char *uuid = g_strdup (kz_record_page_get_uuid (page));
  g_autoptr(KzRecord) deleted = NULL;
  g_autoptr(KzRecord) restored = NULL;
  g_autoptr(GListModel) trash = NULL;

  /* The Delete button of the page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "record.delete", NULL));
  drain ();
  deleted = kz_store_get (fixture->store, KZ_KIND_PROJECT, uuid, NULL);
  g_assert_true (deleted == NULL || kz_record_get_deleted (deleted));
  trash = kz_store_list_deleted (fixture->store, KZ_KIND_PROJECT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);
  g_assert_cmpstr (kz_undo_manager_get_undo_label (kz_window_get_undo_manager (fixture->window)), ==,
                   "Delete “Digitale Beratung”");

  /* What the toast's Undo button activates. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  drain ();
  restored = kz_store_get (fixture->store, KZ_KIND_PROJECT, uuid, NULL);
  g_assert_nonnull (restored);
  g_assert_false (kz_record_get_deleted (restored));
}

static void
test_undo_edit (Fixture       *fixture,
                gconstpointer  data)
{
  KzRecordPage *page = create_project (fixture, "Digitale Beratung");
  const char *uuid = kz_record_page_get_uuid (page);
  GtkWidget *title_row = kz_record_page_get_field_widget (page, "title");
  g_autoptr(KzRecord) after_undo = NULL;
  g_autoptr(KzRecord) after_redo = NULL;

  type_and_apply (page, "title", "Neuer Titel");
  g_assert_true (kz_undo_manager_can_undo (kz_window_get_undo_manager (fixture->window)));

  /* Ctrl+Z is bound to win.undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_for_change (fixture);
  after_undo = kz_store_get (fixture->store, KZ_KIND_PROJECT, uuid, NULL);
  g_assert_cmpstr (kz_record_get_string (after_undo, "title"), ==, "Digitale Beratung");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Digitale Beratung");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  wait_for_change (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Neuer Titel");
  after_redo = kz_store_get (fixture->store, KZ_KIND_PROJECT, uuid, NULL);
  g_assert_cmpstr (kz_record_get_string (after_redo, "title"), ==, "Neuer Titel");
}

static void
test_trash_page (Fixture       *fixture,
                 gconstpointer  data)
{
  KzRecordPage *page = create_project (fixture, "Digitale Beratung");
  g_autofree char *uuid = g_strdup (kz_record_page_get_uuid (page));
  g_autoptr(GtkWidget) trash = g_object_ref_sink (kz_trash_page_new (fixture->context,
                                                                     kz_window_get_undo_manager (fixture->window)));

  g_assert_cmpuint (kz_trash_page_get_n_items (KZ_TRASH_PAGE (trash)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-record", "(is)",
                                             (int)KZ_KIND_PROJECT, uuid));
  drain ();
  kz_trash_page_reload (KZ_TRASH_PAGE (trash));
  g_assert_cmpuint (kz_trash_page_get_n_items (KZ_TRASH_PAGE (trash)), ==, 1);
  g_assert_cmpstr (kz_trash_page_get_subtitle (KZ_TRASH_PAGE (trash)), ==, "1 deleted record");
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits until the window has drawn a frame with its current content. */
static void
wait_for_frame (GtkWidget *widget)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong id;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* Renders the window; with KZ_TEST_SCREENSHOT_DIR set, into PNG files
 * there, to look at the pages as a user would. */
static void
render (Fixture    *fixture,
        const char *name)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  const char *dir = g_getenv ("KZ_TEST_SCREENSHOT_DIR");

  /* Lets page transitions (about a dozen frames) finish. */
  for (guint i = 0; i < 30; i++)
    wait_for_frame (widget);

  /* A window that was just resized or reopened may need a few frames
   * before it has content to show. */
  for (guint i = 0; node == NULL && i < 20; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      wait_for_frame (widget);
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  g_assert_nonnull (texture);
  if (dir != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s/%s.png", dir, name);

      g_assert_true (gdk_texture_save_to_png (texture, file));
    }
}

/* A fresh window of the given size: a mapped window keeps its size
 * without a window manager. */
static void
reopen_window (Fixture *fixture,
               int      width,
               int      height)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = kz_window_new (fixture->app, fixture->context);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->window)))
    g_main_context_iteration (NULL, TRUE);
  drain ();
}

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  KzRecordPage *page = create_project (fixture, "Digitale Beratung im Caritasverband");
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *uuid = NULL;

  type_and_apply (page, "start_date", "01.06.2026");
  type_and_apply (page, "end_date", "31.12.2025");
  type_and_apply (page, "budget_planned", "12500");
  render (fixture, "record-wide");
  uuid = g_strdup (kz_record_page_get_uuid (page));
  reopen_window (fixture, 360, 740);
  g_settings_set_string (fixture->settings, "last-page", "projects");
  page = KZ_RECORD_PAGE (kz_window_show_record (fixture->window, KZ_KIND_PROJECT, uuid));
  type_and_apply (page, "end_date", "31.12.2025");
  render (fixture, "record-narrow");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  while (!adw_style_manager_get_dark (style))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 3; i++)
    wait_for_frame (GTK_WIDGET (fixture->window));
  render (fixture, "record-narrow-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_widget_activate_action (GTK_WIDGET (page), "record.delete", NULL);
  drain ();
  kz_window_show_page (fixture->window, "trash");
  render (fixture, "trash-narrow");
}

/* An organisation of a demo portfolio: its contacts, projects, visits
 * and links below the fields, each a row that opens its record. */
static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) organisations = NULL;
  g_autoptr(KzRecord) organisation = NULL;
  KzRecordPage *page;

  g_assert_true (kz_demo_generate (fixture->store, 20, KZ_DEMO_DEFAULT_SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  organisations = kz_store_list (fixture->store, KZ_KIND_ORGANISATION, &error);
  g_assert_no_error (error);
  organisation = g_list_model_get_item (organisations, 0);
  reopen_window (fixture, 1000, 2400);

  page = KZ_RECORD_PAGE (kz_window_show_record (fixture->window, KZ_KIND_ORGANISATION,
                                                kz_record_get_uuid (organisation)));
  g_assert_cmpstr (kz_record_page_get_title (page), ==, kz_record_get_title (organisation));
  render (fixture, "organisation");

  /* A linked project opens over it, and Back leads to the organisation. */
  {
    g_autoptr(GListModel) projects = kz_store_list (fixture->store, KZ_KIND_PROJECT, NULL);
    g_autoptr(KzRecord) project = g_list_model_get_item (projects, 0);
    GtkWidget *project_page = kz_window_show_record (fixture->window, KZ_KIND_PROJECT,
                                                     kz_record_get_uuid (project));

    g_assert_true (project_page != GTK_WIDGET (page));
    render (fixture, "project");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL));
    drain ();
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  }

  /* Back returns to the list. */
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *)&page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL));
  drain ();
  g_assert_null (page);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)))
        return found;
    }

  return NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* A contact past its deletion date is flagged on its organisation's
 * page and removed for good, after a confirmation. */
static void
test_expired_contacts (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KzRecord) organisation = kz_record_new (KZ_KIND_ORGANISATION);
  g_autoptr(KzRecord) contact = kz_record_new (KZ_KIND_CONTACT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) left = NULL;
  g_autoptr(KzRecord) tombstone = NULL;
  KzRecordPage *page;
  GtkWidget *flag;
  AdwMessageDialog *dialog;

  kz_record_set_string (organisation, "name", "Diakonie Testdorf");
  g_assert_true (kz_store_save (fixture->store, organisation, &error));
  kz_record_set_string (contact, "organisation_id", kz_record_get_uuid (organisation));
  kz_record_set_string (contact, "role", kz_vocab_contact_role.terms[0].id);
  kz_record_set_string (contact, "name", "Erika Muster");
  kz_record_set_string (contact, "consent_date", "2020-01-01");
  kz_record_set_string (contact, "deletion_date", "2021-01-01");
  g_assert_true (kz_store_save (fixture->store, contact, &error));
  g_assert_no_error (error);

  page = KZ_RECORD_PAGE (kz_window_show_record (fixture->window, KZ_KIND_ORGANISATION,
                                                kz_record_get_uuid (organisation)));
  flag = find_label (GTK_WIDGET (page), "Deletion date passed");
  g_assert_nonnull (flag);
  g_assert_true (gtk_widget_has_css_class (flag, "error"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.remove-expired-contacts", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "remove");
  wait_for_change (fixture);

  left = kz_store_list_expired_contacts (fixture->store, "2026-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 0);
  /* Purged: at most a tombstone without the person's data is left. */
  tombstone = kz_store_get (fixture->store, KZ_KIND_CONTACT, kz_record_get_uuid (contact), NULL);
  g_assert_true (tombstone == NULL || kz_record_get_deleted (tombstone));
  g_assert_true (tombstone == NULL || !kz_record_is_set (tombstone, "name"));
  g_assert_null (find_label (GTK_WIDGET (page), "Deletion date passed"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = adw_application_new ("com.example.Kompetenz.TestRecord", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add ("/record-page/create", Fixture, NULL, fixture_set_up, test_create, fixture_tear_down);
  g_test_add ("/record-page/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/record-page/invalid", Fixture, NULL, fixture_set_up, test_invalid, fixture_tear_down);
  g_test_add ("/record-page/delete-undo", Fixture, NULL, fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/record-page/undo-edit", Fixture, NULL, fixture_set_up, test_undo_edit, fixture_tear_down);
  g_test_add ("/record-page/trash", Fixture, NULL, fixture_set_up, test_trash_page, fixture_tear_down);

  g_test_add ("/record-page/expired-contacts", Fixture, NULL, fixture_set_up, test_expired_contacts, fixture_tear_down);
  g_test_add ("/record-page/sections", Fixture, NULL, fixture_set_up, test_sections, fixture_tear_down);
  g_test_add ("/record-page/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);

  return g_test_run ();
}
