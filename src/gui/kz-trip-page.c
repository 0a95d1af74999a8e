/* kz-trip-page.c
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

#define G_LOG_DOMAIN "kz-trip-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-format.h"
#include "kz-sync-session.h"
#include "kz-trip-dialog.h"
#include "kz-trip-page.h"
#include "kz-visit-page.h"

struct _KzTripPage
{
  AdwBin         parent_instance;

  KzContext     *context;
  KzUndoManager *undo_manager;
  char          *subtitle;
  guint          pulse_source;
  gboolean       syncing;

  GtkStack      *stack;        /* "empty", "trip", "visit" */
  GtkWidget     *status_label;
  GtkWidget     *progress;
  GtkListBox    *list;
  GtkWidget     *visit_box;
  GtkWidget     *visit_page;
};

G_DEFINE_FINAL_TYPE (KzTripPage, kz_trip_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_subtitle (KzTripPage *self,
              const char *subtitle)
{
  if (g_strcmp0 (self->subtitle, subtitle) == 0)
    return;
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

static char **
get_trip (KzTripPage *self)
{
  return g_settings_get_strv (kz_context_get_settings (self->context), "trip-organisations");
}

/* Status of the offline copy */

static void
update_status (KzTripPage *self,
               const char *problem)
{
  KzSyncClient *client = kz_context_get_sync_client (self->context);
  KzSyncState state = kz_sync_client_get_state (client);
  g_autofree char *last = kz_sync_session_describe_last_sync (self->context);
  g_autofree char *text = NULL;

  if (self->syncing)
    text = g_strdup (_("Fetching the latest changes from the server…"));
  else if (problem != NULL)
    /* Translators: the first %s explains the problem, the second is "Last synced on …" or nothing */
    text = g_strdup_printf (_("Offline: %s Everything below is on this computer and can be used without a network. %s"),
                            problem, last ? last : "");
  else if (state == KZ_SYNC_STATE_DISABLED || state == KZ_SYNC_STATE_SIGNED_OUT)
    text = g_strdup (_("Sync is not set up: everything below is on this computer, which is all you need on the road."));
  else if (state == KZ_SYNC_STATE_OFFLINE)
    text = g_strdup_printf (_("Offline: working from this computer. %s"), last ? last : "");
  else
    text = g_strdup_printf (_("Ready for offline use. %s"), last ? last : "");

  gtk_label_set_text (GTK_LABEL (self->status_label), g_strstrip (text));
  gtk_widget_set_visible (self->progress, self->syncing);
}

static gboolean
pulse_cb (gpointer user_data)
{
  KzTripPage *self = user_data;

  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (self->progress));
  return G_SOURCE_CONTINUE;
}

/* The round runs in the sync session (never two at once); its end shows
 * in the client's state. */
static void
sync_state_cb (KzTripPage *self)
{
  KzSyncClient *client = kz_context_get_sync_client (self->context);
  KzSyncState state = kz_sync_client_get_state (client);
  const char *problem = NULL;

  if (self->syncing && state != KZ_SYNC_STATE_SYNCING)
    {
      self->syncing = FALSE;
      g_clear_handle_id (&self->pulse_source, g_source_remove);
      if (state == KZ_SYNC_STATE_OFFLINE || state == KZ_SYNC_STATE_ERROR)
        problem = kz_sync_client_get_last_error (client);
    }
  update_status (self, problem);
}

static void
fetch_latest (KzTripPage *self)
{
  KzSyncClient *client = kz_context_get_sync_client (self->context);
  KzSyncState state = kz_sync_client_get_state (client);

  if (self->syncing || state == KZ_SYNC_STATE_DISABLED || state == KZ_SYNC_STATE_SIGNED_OUT)
    {
      update_status (self, NULL);
      return;
    }

  self->syncing = TRUE;
  self->pulse_source = g_timeout_add (120, pulse_cb, self);
  update_status (self, NULL);
  kz_sync_session_sync_now (self->context);
  sync_state_cb (self);
}

/* The list */

static guint
count_open_tasks (KzStore    *store,
                  const char *organisation)
{
  g_autoptr(GListModel) visits = kz_store_list_by_ref (store, KZ_KIND_VISIT, "organisation_id", organisation, NULL);
  guint n = 0;

  for (guint v = 0; visits && v < g_list_model_get_n_items (visits); v++)
    {
      g_autoptr(KzRecord) visit = g_list_model_get_item (visits, v);
      g_autoptr(GListModel) tasks = kz_store_list_by_ref (store, KZ_KIND_TASK, "visit_id",
                                                          kz_record_get_uuid (visit), NULL);

      for (guint t = 0; tasks && t < g_list_model_get_n_items (tasks); t++)
        {
          g_autoptr(KzRecord) task = g_list_model_get_item (tasks, t);

          n += !kz_record_get_bool (task, "done");
        }
    }
  return n;
}

static char *
describe_organisation (KzStore  *store,
                       KzRecord *org)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (kz_record_get_modified (org) / G_USEC_PER_SEC);
  g_autofree char *iso = g_date_time_format (time, "%Y-%m-%d");
  g_autofree char *date = kz_format_date (iso);
  g_autofree char *city = kz_format_field (org, "city");
  guint open = count_open_tasks (store, kz_record_get_uuid (org));
  g_autofree char *changed = g_strdup_printf (_("Updated %s"), date);
  g_autofree char *tasks = open ? g_strdup_printf (g_dngettext (NULL, "%u open follow-up", "%u open follow-ups", open), open)
                                : NULL;

  const char *parts[4] = { NULL };
  guint n = 0;

  if (city != NULL)
    parts[n++] = city;
  parts[n++] = changed;
  if (tasks != NULL)
    parts[n++] = tasks;
  return g_strjoinv (" · ", (char **)parts);
}

static GtkWidget *
create_row (KzTripPage *self,
            KzRecord   *org)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_organisation (kz_context_get_store (self->context), org);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kz_record_get_title (org));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (kz_record_get_uuid (org)), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
reload (KzTripPage *self)
{
  KzStore *store = kz_context_get_store (self->context);
  g_auto(GStrv) trip = get_trip (self);
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; trip[i] != NULL; i++)
    {
      g_autoptr(KzRecord) org = kz_store_get (store, KZ_KIND_ORGANISATION, trip[i], NULL);

      if (org == NULL || kz_record_get_deleted (org))
        continue;
      gtk_list_box_append (self->list, create_row (self, org));
      n++;
    }

  if (self->visit_page == NULL)
    {
      g_autofree char *subtitle = n ? g_strdup_printf (g_dngettext (NULL, "%u organisation", "%u organisations", n), n)
                                    : NULL;

      gtk_stack_set_visible_child_name (self->stack, n > 0 ? "trip" : "empty");
      set_subtitle (self, subtitle);
    }
}

static void
row_activated_cb (KzTripPage    *self,
                  GtkListBoxRow *row)
{
  kz_trip_page_start_visit (self, g_object_get_data (G_OBJECT (row), "uuid"));
}

/* Actions */

static void
chosen_cb (KzTripPage   *self,
           char        **uuids)
{
  kz_trip_page_set_trip (self, (const char * const *)uuids);
}

static void
prepare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KzTripPage *self = KZ_TRIP_PAGE (widget);
  GtkWidget *dialog = kz_trip_dialog_new (self->context);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  kz_trip_page_set_trip (KZ_TRIP_PAGE (widget), NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KzTripPage *self = KZ_TRIP_PAGE (widget);

  if (self->visit_page == NULL)
    return;
  gtk_box_remove (GTK_BOX (self->visit_box), self->visit_page);
  self->visit_page = NULL;
  gtk_widget_action_set_enabled (widget, "trip.back", FALSE);
  reload (self);
}

/* Layout */

static GtkWidget *
build_empty (void)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Prepare Trip…"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "mark-location-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Trip Planned"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Choose the organisations you will visit. Their projects, contacts, trainings and follow-ups are kept on this computer, so visits work without a network."));
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "trip.prepare");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  return status;
}

static GtkWidget *
build_trip (KzTripPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *prepare = gtk_button_new_with_mnemonic (_("_Change Trip…"));
  GtkWidget *end = gtk_button_new_with_mnemonic (_("_End Trip"));

  self->status_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->status_label, "trip-status");
  gtk_label_set_wrap (GTK_LABEL (self->status_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->status_label), 0);
  gtk_widget_add_css_class (self->status_label, "dim-label");
  self->progress = gtk_progress_bar_new ();
  gtk_widget_set_visible (self->progress, FALSE);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (prepare), "trip.prepare");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (end), "trip.end");
  gtk_box_append (GTK_BOX (buttons), prepare);
  gtk_box_append (GTK_BOX (buttons), end);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), self->status_label);
  gtk_box_append (GTK_BOX (box), self->progress);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), buttons);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

static GtkWidget *
build_visit_box (KzTripPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *back = gtk_button_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_All Organisations of the Trip"));

  self->visit_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (back, "flat");
  gtk_widget_set_name (back, "trip-back");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "trip.back");
  gtk_widget_set_margin_start (back, 6);
  gtk_widget_set_margin_top (back, 6);
  gtk_widget_set_halign (back, GTK_ALIGN_START);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), back);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (bar), gtk_image_new_from_icon_name ("go-previous-symbolic"));
  gtk_box_append (GTK_BOX (bar), label);
  gtk_button_set_child (GTK_BUTTON (back), bar);
  gtk_box_append (GTK_BOX (self->visit_box), back);
  return self->visit_box;
}

static void
kz_trip_page_dispose (GObject *object)
{
  KzTripPage *self = (KzTripPage *)object;

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->context);
  g_clear_object (&self->undo_manager);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (kz_trip_page_parent_class)->dispose (object);
}

static void
kz_trip_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KzTripPage *self = KZ_TRIP_PAGE (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_trip_page_class_init (KzTripPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_trip_page_dispose;
  object_class->get_property = kz_trip_page_get_property;

  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "trip.prepare", NULL, prepare_action);
  gtk_widget_class_install_action (widget_class, "trip.end", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "trip.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "trip.back", NULL);
}

static void
kz_trip_page_init (KzTripPage *self)
{
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, build_empty (), "empty");
  gtk_stack_add_named (self->stack, build_trip (self), "trip");
  gtk_stack_add_named (self->stack, build_visit_box (self), "visit");
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trip.back", FALSE);
}

GtkWidget *
kz_trip_page_new (KzContext     *context,
                  KzUndoManager *undo_manager)
{
  KzTripPage *self;

  g_return_val_if_fail (KZ_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (undo_manager), NULL);

  self = g_object_new (KZ_TYPE_TRIP_PAGE, NULL);
  self->context = g_object_ref (context);
  self->undo_manager = g_object_ref (undo_manager);
  g_signal_connect_object (context, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kz_context_get_sync_client (context), "notify::state",
                           G_CALLBACK (sync_state_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  update_status (self, NULL);
  return GTK_WIDGET (self);
}

void
kz_trip_page_set_trip (KzTripPage         *self,
                       const char * const *organisations)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (KZ_IS_TRIP_PAGE (self));

  g_settings_set_strv (kz_context_get_settings (self->context), "trip-organisations",
                       organisations ? organisations : none);
  if (self->visit_page != NULL)
    back_action (GTK_WIDGET (self), NULL, NULL);
  reload (self);
  if (organisations != NULL && organisations[0] != NULL)
    fetch_latest (self);
}

void
kz_trip_page_start_visit (KzTripPage *self,
                          const char *organisation)
{
  g_auto(GStrv) trip = NULL;

  g_return_if_fail (KZ_IS_TRIP_PAGE (self));
  g_return_if_fail (organisation != NULL);

  trip = get_trip (self);
  if (!g_strv_contains ((const char * const *)trip, organisation))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) extended = NULL;

      g_strv_builder_addv (builder, (const char **)trip);
      g_strv_builder_add (builder, organisation);
      extended = g_strv_builder_end (builder);
      g_settings_set_strv (kz_context_get_settings (self->context), "trip-organisations",
                           (const char * const *)extended);
    }

  if (self->visit_page != NULL)
    gtk_box_remove (GTK_BOX (self->visit_box), self->visit_page);
  self->visit_page = kz_visit_page_new (self->context, self->undo_manager, organisation);
  gtk_widget_set_vexpand (self->visit_page, TRUE);
  gtk_box_append (GTK_BOX (self->visit_box), self->visit_page);
  gtk_stack_set_visible_child_name (self->stack, "visit");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trip.back", TRUE);
  set_subtitle (self, kz_visit_page_get_title (KZ_VISIT_PAGE (self->visit_page)));
}

GtkWidget *
kz_trip_page_get_visit_page (KzTripPage *self)
{
  g_return_val_if_fail (KZ_IS_TRIP_PAGE (self), NULL);

  return self->visit_page;
}
