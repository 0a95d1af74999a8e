/* kz-application.c
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

#define G_LOG_DOMAIN "kz-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "kz-after-paint.h"
#include "kz-application.h"
#include "kz-demo.h"
#include "kz-due-notifier.h"
#include "kz-list-spec.h"
#include "kz-preferences-window.h"
#include "kz-renderer.h"
#include "kz-sync-session.h"
#include "kz-window.h"

struct _KzApplication
{
  AdwApplication  parent_instance;

  char           *database;
  KzContext      *context;
  KzDueNotifier  *notifier;
  guint           first_check_source;
  gboolean        first_check_queued;
  GError         *open_error;
  GSettings      *settings;
  gint64          init_time;
  guint           sigterm_source;
  guint           sigint_source;
};

G_DEFINE_FINAL_TYPE (KzApplication, kz_application, ADW_TYPE_APPLICATION)

/* The kinds summarised after --generate-demo. */
static const KzKind summary_kinds[] = {
  KZ_KIND_PROJECT, KZ_KIND_ORGANISATION, KZ_KIND_FIRM, KZ_KIND_PARTNERSHIP,
  KZ_KIND_TRAINING, KZ_KIND_PROGRAMME, KZ_KIND_APPLICATION, KZ_KIND_VISIT,
};

/* Helpers */

static gboolean
ensure_parent_folder (const char  *path,
                      GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int saved_errno;

  if (g_mkdir_with_parents (folder, 0700) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
  return FALSE;
}

static KzStore *
open_store (const char  *path,
            GError     **error)
{
  if (!ensure_parent_folder (path, error))
    return NULL;

  /* One application per portfolio: a second one, even of another
   * installation (another application id), refuses instead of writing
   * next to the first.  kompetenz-cli shares it through SQLite. */
  return kz_store_open_exclusive (path, error);
}

/* Milliseconds since the process started, from the kernel's record of
 * the start time; falls back to the time the application was created. */
static gint64
ms_since_process_start (KzApplication *self)
{
  g_autofree char *stat = NULL;
  struct timespec now;
  const char *fields;
  unsigned long long start_ticks;

  if (g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) &&
      (fields = strrchr (stat, ')')) != NULL &&
      sscanf (fields + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
              &start_ticks) == 1 &&
      clock_gettime (CLOCK_BOOTTIME, &now) == 0)
    return (gint64)now.tv_sec * 1000 + now.tv_nsec / 1000000 -
           (gint64)(start_ticks * 1000 / sysconf (_SC_CLK_TCK));

  return (g_get_monotonic_time () - self->init_time) / 1000;
}

/* Processor time used so far, all threads: on a busy machine a steadier
 * figure than the time on the clock. */
static gint64
cpu_ms (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;

  return ((gint64)usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                KzApplication *self)
{
  g_print ("first-frame-ms: %" G_GINT64_FORMAT "\n", ms_since_process_start (self));
  g_print ("first-frame-cpu-ms: %" G_GINT64_FORMAT "\n", cpu_ms ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, self);
}

static void
window_realize_cb (GtkWidget     *window,
                   KzApplication *self)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), self);
}

static void
apply_color_scheme (KzApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

/* Closes every window (each saves its state) and quits. */
static void
quit (KzApplication *self)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

static gboolean
unix_signal_cb (gpointer user_data)
{
  quit (KZ_APPLICATION (user_data));

  return G_SOURCE_CONTINUE;
}

/* --generate-demo */

static char *
summarise (KzStore *store)
{
  g_autoptr(GString) summary = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (summary_kinds); i++)
    {
      g_autofree char *count = kz_kind_format_count (summary_kinds[i],
                                                     kz_store_count (store, summary_kinds[i]));

      if (i > 0)
        g_string_append (summary, ", ");
      g_string_append (summary, count);
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static int
generate_demo (KzApplication *self,
               int            n_projects,
               gint64         seed)
{
  g_autoptr(KzStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  if (n_projects < 0)
    {
      g_printerr (_("The number of demo projects must not be negative.\n"));
      return 1;
    }
  if (seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr (_("The seed must be a whole number from 0 to %u.\n"), G_MAXUINT32);
      return 1;
    }

  if (!(store = open_store (self->database, &error)) ||
      !kz_demo_generate (store, n_projects, (guint32)seed, NULL, NULL, &error))
    {
      g_printerr (_("Could not write the demo portfolio: %s\n"), error->message);
      return 1;
    }

  summary = summarise (store);
  /* Translators: %s is a file, then a list like "200 projects, 60 firms" */
  g_print (_("Wrote a demo portfolio to %s: %s\n"), self->database, summary);
  return 0;
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  quit (KZ_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *translators = _("translator-credits");
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Kompetenz"),
                        /* Uninstalled builds have no icon in the theme. */
                        "application-icon", gtk_icon_theme_has_icon (theme, APP_ID) ? APP_ID : "view-grid-symbolic",
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Kompetenz authors"),
                        "copyright", "© 2026 The Kompetenz authors",
                        "comments", _("The portfolio of a competence centre that advises welfare organisations on digitalisation."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://example.com/kompetenz",
                        NULL);
  if (!g_str_equal (translators, "translator-credits"))
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);

  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  KzApplication *self = KZ_APPLICATION (user_data);
  GtkWidget *preferences;

  if (self->context == NULL)
    return;

  preferences = kz_preferences_window_new (self->context);
  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  gtk_show_uri (gtk_application_get_active_window (app), "help:kompetenz", GDK_CURRENT_TIME);
}

/* Reminders: a notification opens its record or the "Due Soon" page. */
static void
show_record_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  g_application_activate (G_APPLICATION (user_data));
  gtk_widget_activate_action_variant (GTK_WIDGET (gtk_application_get_active_window (user_data)),
                                      "win.show-record", param);
}

static void
show_due_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  g_application_activate (G_APPLICATION (user_data));
  gtk_widget_activate_action (GTK_WIDGET (gtk_application_get_active_window (user_data)),
                              "win.show-page", "s", "due");
}

static gboolean
first_check_cb (gpointer user_data)
{
  KzApplication *self = user_data;

  self->first_check_source = 0;
  kz_due_notifier_check_async (self->notifier);
  return G_SOURCE_REMOVE;
}

/* Two seconds after the window's first frame, however long that took. */
static void
window_painted_cb (GtkWidget *window)
{
  KzApplication *self = KZ_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  if (self == NULL || self->notifier == NULL || self->first_check_queued)
    return;

  self->first_check_queued = TRUE;
  self->first_check_source = g_timeout_add_seconds (2, first_check_cb, self);
}

static const GActionEntry app_actions[] = {
  { "show-record", show_record_action, "(is)" },
  { "show-due", show_due_action },
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "help", help_action },
};

/* GApplication */

static int
kz_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  KzApplication *self = KZ_APPLICATION (app);
  g_autofree char *database = NULL;
  gint64 seed = KZ_DEMO_DEFAULT_SEED;
  int n_projects;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_free (self->database);
      self->database = g_canonicalize_filename (database, NULL);
    }

  g_variant_dict_lookup (options, "seed", "x", &seed);
  if (g_variant_dict_lookup (options, "generate-demo", "i", &n_projects))
    return generate_demo (self, n_projects, seed);

  return G_APPLICATION_CLASS (kz_application_parent_class)->handle_local_options (app, options);
}

static void
kz_application_startup (GApplication *app)
{
  KzApplication *self = KZ_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (kz_application_parent_class)->startup (app);
  kz_renderer_restore_environment ();

  /* Fields save as you type: focusing one must not select its text,
   * or the first key pressed would replace a whole title. */
  g_object_set (gtk_settings_get_default (), "gtk-entry-select-on-focus", FALSE, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  /* F1 opens the guide at the topic of the page in front. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.page-help", help_accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  self->sigterm_source = g_unix_signal_add (SIGTERM, unix_signal_cb, self);
  self->sigint_source = g_unix_signal_add (SIGINT, unix_signal_cb, self);
}

static void
open_portfolio (KzApplication *self)
{
  g_autoptr(KzStore) store = NULL;
  GAction *preferences;

  if (self->context != NULL || self->open_error != NULL)
    return;

  if ((store = open_store (self->database, &self->open_error)))
    {
      self->context = kz_context_new (store, self->settings);
      kz_sync_session_start (self->context);
      /* Reminders are checked once the window is up, then hourly. */
      self->notifier = kz_due_notifier_new (G_APPLICATION (self), self->context);
    }
  else
    /* The window shows it too; this is for a start from a terminal. */
    g_printerr ("%s: %s\n", g_get_prgname (), self->open_error->message);

  preferences = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), self->context != NULL);
}

static void
kz_application_activate (GApplication *app)
{
  KzApplication *self = KZ_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      open_portfolio (self);
      window = GTK_WINDOW (kz_window_new (ADW_APPLICATION (self), self->context));
      if (self->open_error != NULL)
        kz_window_show_error (KZ_WINDOW (window), self->open_error);
      kz_after_first_paint (GTK_WIDGET (window), window_painted_cb);
      if (g_getenv ("KOMPETENZ_REPORT_FIRST_FRAME") != NULL || g_getenv ("KOMPETENZ_TIMINGS") != NULL)
        g_signal_connect_after (window, "realize", G_CALLBACK (window_realize_cb), self);
    }

  gtk_window_present (window);
}

static void
kz_application_shutdown (GApplication *app)
{
  KzApplication *self = KZ_APPLICATION (app);

  g_clear_handle_id (&self->sigterm_source, g_source_remove);
  g_clear_handle_id (&self->sigint_source, g_source_remove);
  g_clear_handle_id (&self->first_check_source, g_source_remove);
  g_clear_object (&self->notifier);
  if (self->settings != NULL)
    g_settings_sync ();

  G_APPLICATION_CLASS (kz_application_parent_class)->shutdown (app);
}

static void
kz_application_finalize (GObject *object)
{
  KzApplication *self = (KzApplication *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_error (&self->open_error);
  g_clear_pointer (&self->database, g_free);

  G_OBJECT_CLASS (kz_application_parent_class)->finalize (object);
}

static void
kz_application_class_init (KzApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = kz_application_finalize;

  app_class->handle_local_options = kz_application_handle_local_options;
  app_class->startup = kz_application_startup;
  app_class->activate = kz_application_activate;
  app_class->shutdown = kz_application_shutdown;
}

static void
add_options (KzApplication *self)
{
  /* Descriptions are translated here: GApplication does not. */
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      _("Open the portfolio at PATH instead of the default one"), _("PATH") },
    { "generate-demo", 0, 0, G_OPTION_ARG_INT, NULL,
      _("Write a demo portfolio with N projects to the database and exit"), _("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, NULL,
      _("Seed of the demo portfolio; the same seed gives the same records"), _("N") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      _("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

static void
kz_application_init (KzApplication *self)
{
  self->init_time = g_get_monotonic_time ();
  self->database = kz_store_default_path ();

  add_options (self);
}

KzApplication *
kz_application_new (void)
{
  return g_object_new (KZ_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/com/example/Kompetenz",
                       NULL);
}

KzContext *
kz_application_get_context (KzApplication *self)
{
  g_return_val_if_fail (KZ_IS_APPLICATION (self), NULL);

  return self->context;
}

const char *
kz_application_get_database (KzApplication *self)
{
  g_return_val_if_fail (KZ_IS_APPLICATION (self), NULL);

  return self->database;
}
