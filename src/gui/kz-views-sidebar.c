/* kz-views-sidebar.c
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

#define G_LOG_DOMAIN "kz-views-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-views-sidebar.h"

struct _KzViewsSidebar
{
  GtkBox      parent_instance;

  GSettings  *settings;
  GPtrArray  *views;
  GtkWidget  *heading;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (KzViewsSidebar, kz_views_sidebar, GTK_TYPE_BOX)

enum { VIEW_ACTIVATED, N_SIGNALS };
static guint signals [N_SIGNALS];

static void
set_tooltip_and_label (GtkWidget  *widget,
                       const char *text)
{
  gtk_widget_set_tooltip_text (widget, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static guint
row_index (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

static void
remove_clicked_cb (GtkButton      *button,
                   KzViewsSidebar *self)
{
  kz_views_remove (self->settings, row_index (GTK_WIDGET (button)));
}

static void
rename_done_cb (GtkEntry       *entry,
                KzViewsSidebar *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_STACK);

  gtk_stack_set_visible_child_name (GTK_STACK (stack), "label");
  if (*name != '\0')
    kz_views_rename (self->settings, row_index (GTK_WIDGET (entry)), name);
}

static void
rename_clicked_cb (GtkButton      *button,
                   KzViewsSidebar *self)
{
  GtkWidget *stack = g_object_get_data (G_OBJECT (button), "kz-stack");
  GtkWidget *entry = gtk_stack_get_child_by_name (GTK_STACK (stack), "entry");

  gtk_stack_set_visible_child_name (GTK_STACK (stack), "entry");
  gtk_widget_grab_focus (entry);
}

static GtkWidget *
create_button (const char *icon_name,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  set_tooltip_and_label (button, tooltip);

  return button;
}

static GtkWidget *
create_row (KzViewsSidebar *self,
            const KzView   *view)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *label = gtk_label_new (view->name);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *rename = create_button ("document-edit-symbolic", _("Rename View"));
  GtkWidget *remove = create_button ("user-trash-symbolic", _("Remove View"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_editable_set_text (GTK_EDITABLE (entry), view->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the view"), -1);
  g_signal_connect (entry, "activate", G_CALLBACK (rename_done_cb), self);
  gtk_stack_add_named (GTK_STACK (stack), label, "label");
  gtk_stack_add_named (GTK_STACK (stack), entry, "entry");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "label");
  gtk_widget_set_hexpand (stack, TRUE);

  g_object_set_data (G_OBJECT (rename), "kz-stack", stack);
  g_signal_connect (rename, "clicked", G_CALLBACK (rename_clicked_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("folder-saved-search-symbolic"));
  gtk_box_append (GTK_BOX (box), stack);
  gtk_box_append (GTK_BOX (box), rename);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void
reload (KzViewsSidebar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->views, g_ptr_array_unref);

  if (self->settings != NULL)
    self->views = kz_views_load (self->settings);
  for (guint i = 0; self->views != NULL && i < self->views->len; i++)
    gtk_list_box_append (self->list, create_row (self, g_ptr_array_index (self->views, i)));

  gtk_widget_set_visible (GTK_WIDGET (self), self->views != NULL && self->views->len > 0);
}

static void
row_activated_cb (KzViewsSidebar *self,
                  GtkListBoxRow  *row)
{
  kz_views_sidebar_activate (self, gtk_list_box_row_get_index (row));
}

static void
kz_views_sidebar_dispose (GObject *object)
{
  KzViewsSidebar *self = (KzViewsSidebar *)object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->views, g_ptr_array_unref);

  G_OBJECT_CLASS (kz_views_sidebar_parent_class)->dispose (object);
}

static void
kz_views_sidebar_class_init (KzViewsSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kz_views_sidebar_dispose;

  signals [VIEW_ACTIVATED] =
    g_signal_new ("view-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
kz_views_sidebar_init (KzViewsSidebar *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  self->heading = gtk_label_new (_("Views"));
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_widget_add_css_class (self->heading, "dim-label");
  gtk_widget_set_margin_start (self->heading, 18);
  gtk_widget_set_margin_top (self->heading, 12);
  gtk_widget_set_margin_bottom (self->heading, 3);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  /* Views are shortcuts: the page they open is what gets selected. */
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Views"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);

  gtk_box_append (GTK_BOX (self), self->heading);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
kz_views_sidebar_new (void)
{
  return g_object_new (KZ_TYPE_VIEWS_SIDEBAR, NULL);
}

void
kz_views_sidebar_set_settings (KzViewsSidebar *self,
                               GSettings      *settings)
{
  g_return_if_fail (KZ_IS_VIEWS_SIDEBAR (self));
  g_return_if_fail (!settings || G_IS_SETTINGS (settings));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_swapped (settings, "changed::saved-views", G_CALLBACK (reload), self);

  reload (self);
}

GtkListBox *
kz_views_sidebar_get_list (KzViewsSidebar *self)
{
  g_return_val_if_fail (KZ_IS_VIEWS_SIDEBAR (self), NULL);

  return self->list;
}

gboolean
kz_views_sidebar_activate (KzViewsSidebar *self,
                           guint           index)
{
  g_return_val_if_fail (KZ_IS_VIEWS_SIDEBAR (self), FALSE);

  if (self->views == NULL || index >= self->views->len)
    return FALSE;

  g_signal_emit (self, signals [VIEW_ACTIVATED], 0, g_ptr_array_index (self->views, index));
  return TRUE;
}

void
kz_views_sidebar_unselect (KzViewsSidebar *self)
{
  g_return_if_fail (KZ_IS_VIEWS_SIDEBAR (self));

  gtk_list_box_unselect_all (self->list);
}
