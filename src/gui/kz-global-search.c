/* kz-global-search.c
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

#define G_LOG_DOMAIN "kz-global-search"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-format.h"
#include "kz-global-search.h"
#include "kz-thread-task.h"

#define RESULT_LIMIT 60

struct _KzGlobalSearch
{
  GtkPopover     parent_instance;

  KzContext     *context;
  GCancellable  *cancellable;
  GtkWidget     *entry;
  GtkListBox    *results;
  GtkWidget     *stack;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (KzGlobalSearch, kz_global_search, GTK_TYPE_POPOVER)

enum { RECORD_ACTIVATED, N_SIGNALS };
static guint signals [N_SIGNALS];

/* Rows */

static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

static void
append_field (GString    *text,
              KzRecord   *record,
              const char *field)
{
  g_autofree char *value = NULL;

  if (kz_kind_get_field (kz_record_get_kind (record), field) == NULL)
    return;

  value = kz_format_field (record, field);
  append_part (text, value);
}

char *
kz_global_search_describe (KzRecord *record)
{
  static const char * const fields[KZ_N_KINDS][3] = {
    [KZ_KIND_ORGANISATION] = { "city", "umbrella" },
    [KZ_KIND_CONTACT] = { "role", "email" },
    [KZ_KIND_FIRM] = { "city", "sector" },
    [KZ_KIND_PROJECT] = { "status", "advisor" },
    [KZ_KIND_MILESTONE] = { "due_date" },
    [KZ_KIND_PARTNERSHIP] = { "form", "agreement" },
    [KZ_KIND_TRAINING] = { "status", "format" },
    [KZ_KIND_SESSION] = { "start_time", "place" },
    [KZ_KIND_PROGRAMME] = { "funder" },
    [KZ_KIND_DEADLINE] = { "date" },
    [KZ_KIND_APPLICATION] = { "status", "submitted_date" },
    [KZ_KIND_VISIT] = { "date", "advisor" },
    [KZ_KIND_TASK] = { "due_date", "owner" },
  };
  GString *text = g_string_new (NULL);
  KzKind kind;

  g_return_val_if_fail (KZ_IS_RECORD (record), NULL);

  kind = kz_record_get_kind (record);
  for (guint i = 0; i < G_N_ELEMENTS (fields[kind]) && fields[kind][i] != NULL; i++)
    append_field (text, record, fields[kind][i]);

  if (text->len == 0)
    g_string_append (text, _(kz_kind_get_info (kind)->label));

  return g_string_free (text, FALSE);
}

static GtkWidget *
create_row (KzRecord *record)
{
  g_autofree char *subtitle = kz_global_search_describe (record);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const KzKindInfo *info = kz_record_get_info (record);
  const KzField *title_field = &info->fields[info->title_field];
  g_autofree char *date = title_field->type == KZ_FIELD_DATE
                          ? kz_format_date (kz_record_get_title (record)) : NULL;
  GtkWidget *title = gtk_label_new (date ? date : kz_record_get_title (record));
  GtkWidget *second = gtk_label_new (subtitle);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (second), 0);
  gtk_label_set_ellipsize (GTK_LABEL (second), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (second, "dim-label");
  gtk_widget_add_css_class (second, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), second);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "kz-record", g_object_ref (record), g_object_unref);

  return row;
}

static KzKind
row_get_kind (GtkListBoxRow *row)
{
  return kz_record_get_kind (g_object_get_data (G_OBJECT (row), "kz-record"));
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  KzKind kind = row_get_kind (row);
  GtkWidget *header;

  if (before != NULL && row_get_kind (before) == kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (_(kz_kind_get_info (kind)->plural_label));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "search-group");
  gtk_list_box_row_set_header (row, header);
}

static void
clear_results (KzGlobalSearch *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))))
    gtk_list_box_remove (self->results, child);
}

/* Groups results by kind, the kind of the best match first, keeping
 * the order of relevance within each group. */
static void
show_results (KzGlobalSearch *self,
              GListModel     *records)
{
  guint n = g_list_model_get_n_items (records);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (KzKind));

  clear_results (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);
      KzKind kind = kz_record_get_kind (record);
      gboolean seen = FALSE;

      for (guint j = 0; j < order->len; j++)
        seen = seen || g_array_index (order, KzKind, j) == kind;
      if (!seen)
        g_array_append_val (order, kind);
    }

  for (guint j = 0; j < order->len; j++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(KzRecord) record = g_list_model_get_item (records, i);

        if (kz_record_get_kind (record) == g_array_index (order, KzKind, j))
          gtk_list_box_append (self->results, create_row (record));
      }

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), n > 0 ? "results" : "empty");
}

/* Searching */

static void
search_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  KzStore *store = g_object_get_data (G_OBJECT (task), "kz-store");
  GError *error = NULL;
  GListModel *records = kz_store_search (store, task_data, RESULT_LIMIT, &error);

  if (records == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, records, g_object_unref);
}

static void
search_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KzGlobalSearch *self = KZ_GLOBAL_SEARCH (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_get_cancellable (G_TASK (result)) == self->cancellable)
    g_clear_object (&self->cancellable);

  if (records != NULL)
    show_results (self, records);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_message ("Search failed: %s", error->message);
      clear_results (self);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
    }
}

static void
start_search (KzGlobalSearch *self,
              const char     *text)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (*stripped == '\0' || self->context == NULL)
    {
      clear_results (self);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "hint");
      return;
    }

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, search_ready_cb, NULL);
  g_task_set_source_tag (task, start_search);
  g_task_set_task_data (task, g_steal_pointer (&stripped), g_free);
  g_object_set_data_full (G_OBJECT (task), "kz-store",
                          g_object_ref (kz_context_get_store (self->context)), g_object_unref);
  kz_thread_task_run (task, search_worker);
}

/* Callbacks */

static void
search_changed_cb (KzGlobalSearch *self)
{
  start_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
row_activated_cb (KzGlobalSearch *self,
                  GtkListBoxRow  *row)
{
  KzRecord *record = g_object_get_data (G_OBJECT (row), "kz-record");
  g_autoptr(KzRecord) keep = g_object_ref (record);

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals [RECORD_ACTIVATED], 0,
                 (guint)kz_record_get_kind (keep), kz_record_get_uuid (keep));
}

static void
entry_activate_cb (KzGlobalSearch *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->results, 0);

  if (row != NULL)
    row_activated_cb (self, row);
}

static gboolean
entry_key_cb (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              KzGlobalSearch        *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->results, 0);

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || row == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (row));
  return GDK_EVENT_STOP;
}

static gboolean
results_key_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KzGlobalSearch        *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self->results)));

  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) &&
      focus == GTK_WIDGET (gtk_list_box_get_row_at_index (self->results, 0)))
    {
      gtk_widget_grab_focus (self->entry);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
popover_show_cb (KzGlobalSearch *self)
{
  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

/* Construction */

static GtkWidget *
create_hint (const char *icon_name,
             const char *title,
             const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_add_css_class (page, "compact");

  return page;
}

static void
build (KzGlobalSearch *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkEventController *key;

  self->entry = gtk_search_entry_new ();
  g_object_set (self->entry, "placeholder-text", _("Search everything"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Everything"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  /* The entry takes Escape for itself: close the popover then. */
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (gtk_popover_popdown), self);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (entry_key_cb), self);
  gtk_widget_add_controller (self->entry, key);

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_header_func (self->results, header_func, NULL, NULL);
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Results"), -1);
  g_signal_connect_swapped (self->results, "row-activated", G_CALLBACK (row_activated_cb), self);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (results_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->results), key);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->results));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 440);

  self->stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_add_named (GTK_STACK (self->stack),
                       create_hint ("system-search-symbolic", _("Search Everything"),
                                    _("Projects, organisations, firms, trainings, funding and visits")),
                       "hint");
  gtk_stack_add_named (GTK_STACK (self->stack),
                       create_hint ("edit-find-symbolic", _("No Results Found"),
                                    _("Try a different search")),
                       "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "results");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "hint");

  gtk_box_append (GTK_BOX (box), self->entry);
  gtk_box_append (GTK_BOX (box), self->stack);
  gtk_widget_set_size_request (box, 300, -1);
  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_widget_add_css_class (GTK_WIDGET (self), "global-search");
}

/* GObject */

static void
kz_global_search_dispose (GObject *object)
{
  KzGlobalSearch *self = (KzGlobalSearch *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (kz_global_search_parent_class)->dispose (object);
}

static void
kz_global_search_class_init (KzGlobalSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kz_global_search_dispose;

  signals [RECORD_ACTIVATED] =
    g_signal_new ("record-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
}

static void
kz_global_search_init (KzGlobalSearch *self)
{
  build (self);
  g_signal_connect (self, "show", G_CALLBACK (popover_show_cb), NULL);
}

GtkWidget *
kz_global_search_new (void)
{
  return g_object_new (KZ_TYPE_GLOBAL_SEARCH, NULL);
}

void
kz_global_search_set_context (KzGlobalSearch *self,
                              KzContext      *context)
{
  g_return_if_fail (KZ_IS_GLOBAL_SEARCH (self));
  g_return_if_fail (!context || KZ_IS_CONTEXT (context));

  g_set_object (&self->context, context);
}

GtkEditable *
kz_global_search_get_entry (KzGlobalSearch *self)
{
  g_return_val_if_fail (KZ_IS_GLOBAL_SEARCH (self), NULL);

  return GTK_EDITABLE (self->entry);
}

GtkListBox *
kz_global_search_get_results (KzGlobalSearch *self)
{
  g_return_val_if_fail (KZ_IS_GLOBAL_SEARCH (self), NULL);

  return self->results;
}

void
kz_global_search_search (KzGlobalSearch *self,
                         const char     *text)
{
  g_return_if_fail (KZ_IS_GLOBAL_SEARCH (self));

  start_search (self, text);
}

gboolean
kz_global_search_is_busy (KzGlobalSearch *self)
{
  g_return_val_if_fail (KZ_IS_GLOBAL_SEARCH (self), FALSE);

  return self->cancellable != NULL;
}
