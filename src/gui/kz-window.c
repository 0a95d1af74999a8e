/* kz-window.c
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

#define G_LOG_DOMAIN "kz-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-after-paint.h"
#include "kz-format.h"
#include "kz-funding-page.h"
#include "kz-global-search.h"
#include "kz-backup-actions.h"
#include "kz-kind-labels.h"
#include "kz-export-actions.h"
#include "kz-import-window.h"
#include "kz-layout.h"
#include "kz-list-page.h"
#include "kz-overview-page.h"
#include "kz-conflicts-page.h"
#include "kz-due-page.h"
#include "kz-trip-page.h"
#include "kz-sync-indicator.h"
#include "kz-sync-session.h"
#include "kz-record-page.h"
#include "kz-trash-page.h"
#include "kz-views-sidebar.h"
#include "kz-window.h"
#include "kz-window-private.h"

/* Natural widths of the panes: the leaflet folds when the window is
 * narrower than both together, about 720 pixels. */
#define SIDEBAR_WIDTH 230
#define CONTENT_NATURAL_WIDTH 490

typedef struct
{
  const char *name;       /* stack child name and "last-page" value */
  const char *title;      /* N_() */
  const char *icon_name;
  KzKind      kind;       /* counted in the sidebar; KZ_N_KINDS: none */
  gboolean    needs_portfolio; /* left out while no portfolio is open */
} KzPageInfo;

static const KzPageInfo pages[] = {
  { "overview", N_("Overview"), "view-grid-symbolic", KZ_N_KINDS },
  { "projects", N_("Projects"), "emblem-documents-symbolic", KZ_KIND_PROJECT },
  { "organisations", N_("Organisations"), "system-users-symbolic", KZ_KIND_ORGANISATION },
  { "firms", N_("Firms"), "applications-engineering-symbolic", KZ_KIND_FIRM },
  { "partnerships", N_("Partnerships"), "emblem-shared-symbolic", KZ_KIND_PARTNERSHIP },
  { "trainings", N_("Trainings"), "accessories-dictionary-symbolic", KZ_KIND_TRAINING },
  { "funding", N_("Funding"), "x-office-spreadsheet-symbolic", KZ_KIND_PROGRAMME },
  { "visits", N_("Visits"), "mark-location-symbolic", KZ_KIND_VISIT },
  { "field", N_("In the Field"), "find-location-symbolic", KZ_N_KINDS, TRUE },
  { "due", N_("Due Soon"), "alarm-symbolic", KZ_N_KINDS, TRUE },
  { "trash", N_("Trash"), "user-trash-symbolic", KZ_N_KINDS, TRUE },
  /* Shown in the sidebar only while there are sync conflicts. */
  { "conflicts", N_("Conflicts"), "dialog-warning-symbolic", KZ_N_KINDS, TRUE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (pages) == KZ_WINDOW_N_PAGES);

G_DEFINE_FINAL_TYPE (KzWindow, kz_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

int
_kz_window_find_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return i;

  return -1;
}

static gboolean
content_is_visible (KzWindow *self)
{
  return !adw_leaflet_get_folded (self->leaflet) ||
         adw_leaflet_get_visible_child (self->leaflet) == self->content;
}

void
_kz_window_update_actions (KzWindow *self)
{
  gboolean ready = self->context != NULL;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-sidebar", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sidebar", ready && !folded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 ready && ((folded && content_is_visible (self)) ||
                                           gtk_widget_get_first_child (GTK_WIDGET (self->record_stack))));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-record",
                                 ready && pages[self->page].kind < KZ_N_KINDS);
  _kz_window_records_update_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo",
                                 ready && !self->loading_demo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find",
                                 ready && KZ_IS_LIST_PAGE (gtk_stack_get_visible_child (self->page_stack)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search-everything", ready);
}

/* The sidebar can be hidden only while it sits beside the content. */
static void
update_sidebar (KzWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->sidebar, folded || self->show_sidebar);
  gtk_widget_set_visible (self->separator, folded || self->show_sidebar);
  gtk_widget_set_visible (self->sidebar_button, !folded);
  gtk_widget_set_visible (self->back_button,
                          folded || gtk_widget_get_first_child (GTK_WIDGET (self->record_stack)));
}

static void
update_welcome (KzWindow *self)
{
  gboolean welcome = self->empty && self->page == 0;

  if (gtk_widget_get_first_child (GTK_WIDGET (self->record_stack)) != NULL)
    return;

  gtk_stack_set_visible_child_name (self->content_stack, welcome ? "welcome" : "pages");
}

/* Record pages, shown over the list of the current page */

static void
update_new_button (KzWindow *self)
{
  KzKind kind = pages[self->page].kind;
  g_autofree char *label = NULL;

  gtk_widget_set_visible (self->new_button, kind < KZ_N_KINDS);
  if (kind >= KZ_N_KINDS)
    return;

  label = g_strdup (g_dgettext (GETTEXT_PACKAGE, kz_kind_get_labels (kind)->new_title));
  gtk_widget_set_tooltip_text (self->new_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
clear_records (KzWindow *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->record_binding, g_binding_unbind);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->record_stack))))
    gtk_stack_remove (self->record_stack, child);
  update_sidebar (self);
}

static void set_visible_page (KzWindow *self,
                              guint     index);

static void
update_record_view (KzWindow *self)
{
  GtkWidget *page = gtk_widget_get_last_child (GTK_WIDGET (self->record_stack));
  const KzKindInfo *info;

  g_clear_pointer (&self->record_binding, g_binding_unbind);
  if (page == NULL)
    {
      set_visible_page (self, self->page);
      _kz_window_update_actions (self);
      return;
    }

  info = kz_kind_get_info (kz_record_page_get_kind (KZ_RECORD_PAGE (page)));
  gtk_stack_set_visible_child (self->record_stack, page);
  gtk_stack_set_visible_child_name (self->content_stack, "records");
  g_clear_pointer (&self->subtitle_binding, g_binding_unbind);
  self->record_binding = g_object_bind_property (page, "title", self->window_title, "title",
                                                 G_BINDING_SYNC_CREATE);
  /* The binding goes away with the page. */
  g_object_add_weak_pointer (G_OBJECT (self->record_binding), (gpointer *)&self->record_binding);
  adw_window_title_set_subtitle (self->window_title, g_dgettext (GETTEXT_PACKAGE, info->label));
  update_sidebar (self);
  _kz_window_update_actions (self);
}

/* Drops the pages of records that are gone, e.g. after an undo, and
 * shows the current state in the top one. */
static void
refresh_records (KzWindow *self)
{
  KzStore *store = kz_context_get_store (self->context);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->record_stack));
  gboolean removed = FALSE;

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      KzRecordPage *page = KZ_RECORD_PAGE (child);
      g_autoptr(KzRecord) record = NULL;

      if (!kz_record_page_is_new (page))
        record = kz_store_get (store, kz_record_page_get_kind (page), kz_record_page_get_uuid (page), NULL);
      if (!kz_record_page_is_new (page) && (record == NULL || kz_record_get_deleted (record)))
        {
          gtk_stack_remove (self->record_stack, child);
          removed = TRUE;
        }
      else if (next == NULL)
        kz_record_page_reload (page);
      child = next;
    }

  if (removed)
    update_record_view (self);
}

static void
undo_changed_cb (KzWindow *self)
{
  _kz_window_records_update_menu (self, self->undo_section);
  _kz_window_update_actions (self);
}

/* Sidebar */

static GtkWidget *
create_sidebar_row (KzWindow *self,
                    guint     index)
{
  const KzPageInfo *info = &pages[index];
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_visible (count, info->kind < KZ_N_KINDS);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  self->count_labels[index] = GTK_LABEL (count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title), -1);
  return row;
}

static GtkWidget *
create_page (KzWindow *self,
             guint     index)
{
  if (g_str_equal (pages[index].name, "overview"))
    return kz_overview_page_new (self->context);
  if (g_str_equal (pages[index].name, "funding"))
    return kz_funding_page_new (self->context);
  if (g_str_equal (pages[index].name, "conflicts"))
    return kz_conflicts_page_new (self->context);
  if (g_str_equal (pages[index].name, "trash"))
    return kz_trash_page_new (self->context, self->undo_manager);
  if (g_str_equal (pages[index].name, "field"))
    return kz_trip_page_new (self->context, self->undo_manager);
  if (g_str_equal (pages[index].name, "due"))
    return kz_due_page_new (self->context);

  return kz_list_page_new (self->context, pages[index].kind);
}

/* Pages are built when first shown, so that the window's first frame
 * waits only for the sidebar and the page it opens on. */
static void
build_pages (KzWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_list_box_append (self->sidebar_list, create_sidebar_row (self, i));
}

static void
ensure_page (KzWindow *self,
             guint     index)
{
  /* Without a portfolio (it could not be opened; the window shows why)
   * no page is shown. */
  if (self->context == NULL && pages[index].needs_portfolio)
    return;
  if (gtk_stack_get_child_by_name (self->page_stack, pages[index].name) == NULL)
    gtk_stack_add_named (self->page_stack, create_page (self, index), pages[index].name);
}

static void
set_visible_page (KzWindow *self,
                  guint     index)
{
  GtkWidget *page;

  g_assert (index < G_N_ELEMENTS (pages));

  clear_records (self);
  self->page = index;
  update_new_button (self);
  ensure_page (self, index);
  if (gtk_stack_get_child_by_name (self->page_stack, pages[index].name) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->page_stack, pages[index].name);
  page = gtk_stack_get_visible_child (self->page_stack);
  gtk_widget_set_visible (self->find_button, KZ_IS_LIST_PAGE (page));
  _kz_window_update_actions (self);

  adw_window_title_set_title (self->window_title, _(pages[index].title));
  g_clear_pointer (&self->subtitle_binding, g_binding_unbind);
  self->subtitle_binding = g_object_bind_property (page, "subtitle",
                                                   self->window_title, "subtitle",
                                                   G_BINDING_SYNC_CREATE);
  update_welcome (self);

  if (self->context != NULL)
    g_settings_set_string (kz_context_get_settings (self->context), "last-page", pages[index].name);
}

static void
sidebar_row_selected_cb (KzWindow      *self,
                         GtkListBoxRow *row)
{
  if (row != NULL && self->context != NULL)
    set_visible_page (self, gtk_list_box_row_get_index (row));
}

static void
sidebar_row_activated_cb (KzWindow      *self,
                          GtkListBoxRow *row)
{
  /* The current page's entry leads back from its records to the list. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->record_stack)) != NULL &&
      (guint)gtk_list_box_row_get_index (row) == self->page)
    {
      clear_records (self);
      update_record_view (self);
    }
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
leaflet_changed_cb (KzWindow *self)
{
  /* Narrow, the title needs the room; F1 and the main menu's Help
   * open the same topic. */
  gtk_widget_set_visible (self->help_button, !adw_leaflet_get_folded (self->leaflet));
  update_sidebar (self);
  _kz_window_update_actions (self);
}

/* Counts and the welcome page */

/* The count next to a page's title, as a screen reader says it. */
static void
set_sidebar_row_description (KzWindow   *self,
                             guint       index,
                             guint       n,
                             const char *formatted)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (self->count_labels[index]), GTK_TYPE_LIST_BOX_ROW);
  /* Translators: the count after a page's name in the sidebar, "1.234 records" */
  g_autofree char *text = g_strdup_printf (ngettext ("%s record", "%s records", n),
                                           formatted);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
counts_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KzWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree KzCounts *counts = kz_context_count_finish (KZ_CONTEXT (object), result, &error);

  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not count records: %s", error->message);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *text = NULL;

      if (pages[i].kind < KZ_N_KINDS)
        text = kz_format_int (counts->kinds[pages[i].kind]);
      gtk_label_set_text (self->count_labels[i], text ? text : "");
      if (text != NULL)
        set_sidebar_row_description (self, i, counts->kinds[pages[i].kind], text);
    }

  self->empty = counts->empty;
  /* An empty portfolio opens on the welcome page, unless a record was
   * opened before the counts came (they start after the first frame). */
  if (!self->counted && self->empty &&
      gtk_widget_get_first_child (GTK_WIDGET (self->record_stack)) == NULL)
    kz_window_show_page (self, "overview");
  self->counted = TRUE;
  update_welcome (self);
}

static void
refresh_counts (KzWindow *self)
{
  kz_context_count_async (self->context, self->cancellable, counts_ready_cb, g_object_ref (self));
}

static void
refresh_counts_after_paint (GtkWidget *widget)
{
  refresh_counts (KZ_WINDOW (widget));
}

static void
context_changed_cb (KzWindow  *self,
                    guint      kind,
                    KzContext *context)
{
  refresh_counts (self);
  refresh_records (self);
}

/* Actions */

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KzWindow *self = KZ_WINDOW (widget);

  if (kz_window_show_page (self, g_variant_get_string (param, NULL)))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KzWindow *self = KZ_WINDOW (widget);
  GtkWidget *top = gtk_widget_get_last_child (GTK_WIDGET (self->record_stack));

  if (top != NULL)
    {
      gtk_stack_remove (self->record_stack, top);
      if ((top = gtk_widget_get_last_child (GTK_WIDGET (self->record_stack))))
        kz_record_page_reload (KZ_RECORD_PAGE (top));
      update_record_view (self);
      return;
    }

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
new_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  KzWindow *self = KZ_WINDOW (widget);

  if (pages[self->page].kind < KZ_N_KINDS)
    kz_window_show_record (self, pages[self->page].kind, NULL);
}

/* Search and saved views */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KzWindow *self = KZ_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->page_stack);

  if (!KZ_IS_LIST_PAGE (page))
    return;

  clear_records (self);
  update_record_view (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  kz_list_page_start_search (KZ_LIST_PAGE (page));
}

static void
search_everything_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  KzWindow *self = KZ_WINDOW (widget);

  /* The popover hangs from the sidebar, which a folded window shows
   * instead of the content. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  else if (!self->show_sidebar)
    {
      self->show_sidebar = TRUE;
      update_sidebar (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_SIDEBAR]);
    }

  gtk_popover_popup (GTK_POPOVER (self->global_search));
}

static void
search_result_activated_cb (KzWindow   *self,
                            guint       kind,
                            const char *uuid)
{
  kz_window_show_record (self, kind, uuid);
}

static void
view_activated_cb (KzWindow     *self,
                   const KzView *view)
{
  GtkWidget *page;

  if (!kz_window_show_page (self, view->page))
    return;

  page = gtk_stack_get_visible_child (self->page_stack);
  if (KZ_IS_LIST_PAGE (page))
    kz_list_page_apply_view (KZ_LIST_PAGE (page), view->search, (const char * const *)view->items);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  KzWindow *self = KZ_WINDOW (widget);

  if (!adw_leaflet_get_folded (self->leaflet))
    {
      self->show_sidebar = !self->show_sidebar;
      update_sidebar (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_SIDEBAR]);
    }
  else if (content_is_visible (self))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* GObject */

static void
kz_window_constructed (GObject *object)
{
  KzWindow *self = (KzWindow *)object;
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

  G_OBJECT_CLASS (kz_window_parent_class)->constructed (object);

  adw_status_page_set_icon_name (self->welcome_page,
                                 gtk_icon_theme_has_icon (theme, APP_ID) ? APP_ID : "view-grid-symbolic");
  if (self->context != NULL)
    {
      self->undo_manager = kz_undo_manager_new (kz_context_get_store (self->context));
      g_signal_connect_object (self->undo_manager, "notify", G_CALLBACK (undo_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  undo_changed_cb (self);
  build_pages (self);

  self->global_search = kz_global_search_new ();
  gtk_widget_set_parent (self->global_search, self->global_search_button);
  kz_global_search_set_context (KZ_GLOBAL_SEARCH (self->global_search), self->context);
  g_signal_connect_object (self->global_search, "record-activated",
                           G_CALLBACK (search_result_activated_cb), self, G_CONNECT_SWAPPED);
  if (self->context != NULL)
    kz_views_sidebar_set_settings (self->views_sidebar, kz_context_get_settings (self->context));

  if (self->context != NULL)
    {
      g_signal_connect_object (self->context, "changed", G_CALLBACK (context_changed_cb),
                               self, G_CONNECT_SWAPPED);
      _kz_window_restore_state (self);
      /* The counts read every table: not before the first frame. */
      kz_after_first_paint (GTK_WIDGET (self), refresh_counts_after_paint);
    }
  _kz_window_setup_sync (self);

  update_sidebar (self);
  _kz_window_update_actions (self);
}

static gboolean
kz_window_close_request (GtkWindow *window)
{
  _kz_window_save_state (KZ_WINDOW (window));

  return GTK_WINDOW_CLASS (kz_window_parent_class)->close_request (window);
}

static void
kz_window_unmap (GtkWidget *widget)
{
  _kz_window_save_state (KZ_WINDOW (widget));

  GTK_WIDGET_CLASS (kz_window_parent_class)->unmap (widget);
}

static void
kz_window_dispose (GObject *object)
{
  KzWindow *self = (KzWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->subtitle_binding, g_binding_unbind);
  g_clear_pointer (&self->record_binding, g_binding_unbind);
  g_clear_pointer (&self->global_search, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), KZ_TYPE_WINDOW);

  g_clear_object (&self->context);
  g_clear_object (&self->undo_manager);

  G_OBJECT_CLASS (kz_window_parent_class)->dispose (object);
}

static void
kz_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KzWindow *self = KZ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KzWindow *self = KZ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_SHOW_SIDEBAR:
      if (self->show_sidebar != g_value_get_boolean (value))
        {
          self->show_sidebar = g_value_get_boolean (value);
          update_sidebar (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");

  /* Alt+1 … Alt+9, then Alt+0 for the tenth page. */
  for (guint i = 0; i < MIN (G_N_ELEMENTS (pages), 10); i++)
    gtk_widget_class_add_binding_action (widget_class, i < 9 ? GDK_KEY_1 + i : GDK_KEY_0, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i].name);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.sync-now", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_install_action (widget_class, "win.new-record", NULL, new_record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-record", NULL);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_install_action (widget_class, "win.search-everything", NULL, search_everything_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.search-everything", NULL);
  _kz_window_records_class_init (widget_class);
  _kz_window_state_class_init (widget_class);
  _kz_window_help_class_init (widget_class);
}

static void
kz_window_class_init (KzWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kz_window_constructed;
  object_class->dispose = kz_window_dispose;
  object_class->get_property = kz_window_get_property;
  object_class->set_property = kz_window_set_property;

  widget_class->unmap = kz_window_unmap;
  window_class->close_request = kz_window_close_request;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         KZ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KZ_TYPE_SYNC_INDICATOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Kompetenz/ui/kz-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KzWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, separator);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, content);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, welcome_stack);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, demo_spinner);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, record_stack);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, help_button);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, global_search_button);
  gtk_widget_class_bind_template_child (widget_class, KzWindow, views_sidebar);
  gtk_widget_class_bind_template_callback (widget_class, view_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed_cb);

  install_actions (widget_class);
}

static void
kz_window_init (KzWindow *self)
{
  g_type_ensure (KZ_TYPE_VIEWS_SIDEBAR);
  self->cancellable = g_cancellable_new ();
  self->show_sidebar = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The content asks for CONTENT_NATURAL_WIDTH so that the leaflet
   * folds before the lists get cramped, yet shrinks to a phone. */
  kz_layout_set_natural_width (self->content, CONTENT_NATURAL_WIDTH);
  /* Fixed, so that the title buttons shown while folded do not change
   * the width at which the leaflet unfolds again. */
  kz_layout_set_natural_width (self->sidebar, SIDEBAR_WIDTH);
  kz_export_actions_install (self);
  kz_backup_actions_install (self);
  kz_import_actions_install (self);
}

KzWindow *
kz_window_new (AdwApplication *application,
               KzContext      *context)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (!context || KZ_IS_CONTEXT (context), NULL);

  return g_object_new (KZ_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

KzContext *
kz_window_get_context (KzWindow *self)
{
  g_return_val_if_fail (KZ_IS_WINDOW (self), NULL);

  return self->context;
}

void
kz_window_show_error (KzWindow     *self,
                      const GError *error)
{
  g_return_if_fail (KZ_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

gboolean
kz_window_show_page (KzWindow   *self,
                     const char *name)
{
  int index;

  g_return_val_if_fail (KZ_IS_WINDOW (self), FALSE);

  if ((index = _kz_window_find_page (name)) < 0)
    return FALSE;

  gtk_list_box_select_row (self->sidebar_list,
                           gtk_list_box_get_row_at_index (self->sidebar_list, index));
  return TRUE;
}

const char *
kz_window_get_page_name (KzWindow *self)
{
  g_return_val_if_fail (KZ_IS_WINDOW (self), NULL);

  return pages[self->page].name;
}

void
kz_window_add_toast (KzWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (KZ_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GtkWidget *
kz_window_show_record (KzWindow   *self,
                       KzKind      kind,
                       const char *uuid)
{
  GtkWidget *top;
  GtkWidget *page;

  g_return_val_if_fail (KZ_IS_WINDOW (self), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  if (self->undo_manager == NULL)
    return NULL;

  top = gtk_widget_get_last_child (GTK_WIDGET (self->record_stack));
  if (uuid != NULL && top != NULL &&
      g_strcmp0 (kz_record_page_get_uuid (KZ_RECORD_PAGE (top)), uuid) == 0)
    return top;

  page = kz_record_page_new (self->context, self->undo_manager, kind, uuid);
  gtk_stack_add_child (self->record_stack, page);
  update_record_view (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  return page;
}

void
kz_window_close_record (KzWindow   *self,
                        const char *uuid)
{
  GtkWidget *child;

  g_return_if_fail (KZ_IS_WINDOW (self));
  g_return_if_fail (uuid != NULL);

  child = gtk_widget_get_first_child (GTK_WIDGET (self->record_stack));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (g_strcmp0 (kz_record_page_get_uuid (KZ_RECORD_PAGE (child)), uuid) == 0)
        gtk_stack_remove (self->record_stack, child);
      child = next;
    }
  update_record_view (self);
}

KzUndoManager *
kz_window_get_undo_manager (KzWindow *self)
{
  g_return_val_if_fail (KZ_IS_WINDOW (self), NULL);

  return self->undo_manager;
}
