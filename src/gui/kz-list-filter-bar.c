/* kz-list-filter-bar.c
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

#define G_LOG_DOMAIN "kz-list-filter-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-format.h"
#include "kz-list-filter-bar.h"
#include "kz-list-keys.h"
#include "kz-views.h"

struct _KzListFilterBar
{
  GtkBox         parent_instance;

  KzListFilter  *filter;
  GSettings     *settings;
  char          *page;

  GtkSearchBar  *search_bar;
  GtkWidget     *entry;
  GtkWidget     *filter_button;
  GtkWidget     *popover;
  GtkWidget     *choices;        /* box in the popover, rebuilt on show */
  GtkWidget     *save_revealer;
  GtkWidget     *save_entry;
  GtkWidget     *save_button;
  GtkWidget     *chips_box;
  GtkFlowBox    *chips;
};

G_DEFINE_FINAL_TYPE (KzListFilterBar, kz_list_filter_bar, GTK_TYPE_BOX)

static void
set_tooltip_and_label (GtkWidget  *widget,
                       const char *text)
{
  gtk_widget_set_tooltip_text (widget, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

/* Chips */

static void
chip_clicked_cb (GtkButton       *button,
                 KzListFilterBar *self)
{
  const char *item = g_object_get_data (G_OBJECT (button), "kz-item");

  kz_list_filter_remove_item (self->filter, item);
}

static GtkWidget *
create_chip (KzListFilterBar *self,
             const char      *item)
{
  g_autofree char *text = kz_list_filter_describe_item (self->filter, item);
  /* Translators: the tooltip of an active filter's chip */
  g_autofree char *tooltip = g_strdup_printf (_("Remove Filter “%s”"), text);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "filter-chip");
  set_tooltip_and_label (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "kz-item", g_strdup (item), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (chip_clicked_cb), self);

  return button;
}

static void
update_chips (KzListFilterBar *self)
{
  const char * const *items = kz_list_filter_get_items (self->filter);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips))))
    gtk_flow_box_remove (self->chips, child);

  for (guint i = 0; items[i] != NULL; i++)
    gtk_flow_box_append (self->chips, create_chip (self, items[i]));

  gtk_widget_set_visible (self->chips_box, items[0] != NULL);
  if (items[0] != NULL)
    gtk_widget_add_css_class (self->filter_button, "accent");
  else
    gtk_widget_remove_css_class (self->filter_button, "accent");
}

static void
clear_all_cb (KzListFilterBar *self)
{
  kz_list_filter_clear_items (self->filter);
}

/* The popover */

static void
choice_toggled_cb (GtkCheckButton  *button,
                   KzListFilterBar *self)
{
  const char *item = g_object_get_data (G_OBJECT (button), "kz-item");

  if (gtk_check_button_get_active (button))
    kz_list_filter_add_item (self->filter, item);
  else
    kz_list_filter_remove_item (self->filter, item);
}

static void
add_choice (KzListFilterBar *self,
            GtkWidget       *box,
            const KzFacet   *facet,
            const char      *value,
            const char      *label)
{
  g_autofree char *item = g_strconcat (facet->id, "=", value, NULL);
  GtkWidget *check = gtk_check_button_new_with_label (label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), kz_list_filter_has_item (self->filter, item));
  g_object_set_data_full (G_OBJECT (check), "kz-item", g_steal_pointer (&item), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (choice_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), check);
}

static void
date_changed_cb (GtkEditable     *editable,
                 KzListFilterBar *self)
{
  const char *facet_id = g_object_get_data (G_OBJECT (editable), "kz-facet");
  gboolean to = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "kz-to"));
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *iso = kz_parse_user_date (text);

  /* Half-typed dates wait; Enter marks them wrong. */
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  if (iso == NULL && *text != '\0')
    return;

  kz_list_filter_set_date (self->filter, facet_id, to, iso);
}

static void
date_activate_cb (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *iso = kz_parse_user_date (text);

  if (iso == NULL && *text != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static GtkWidget *
create_date_entry (KzListFilterBar *self,
                   const KzFacet   *facet,
                   gboolean         to)
{
  const char *iso = kz_list_filter_get_date (self->filter, facet->id, to);
  g_autofree char *shown = iso ? g_strdup_printf ("%c%c.%c%c.%.4s", iso[8], iso[9], iso[5], iso[6], iso) : NULL;
  GtkWidget *entry = gtk_entry_new ();

  /* Translators: an example of a date as typed into a date filter */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("31.12.2026"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_widget_set_hexpand (entry, TRUE);
  if (shown != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  to ? _("Until") : _("From"), -1);
  g_object_set_data (G_OBJECT (entry), "kz-facet", (gpointer)facet->id);
  g_object_set_data (G_OBJECT (entry), "kz-to", GINT_TO_POINTER (to));
  g_signal_connect (entry, "changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect (entry, "activate", G_CALLBACK (date_activate_cb), NULL);

  return entry;
}

static void
add_date_facet (KzListFilterBar *self,
                GtkWidget       *box,
                const KzFacet   *facet)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dash = gtk_label_new ("–");

  gtk_box_append (GTK_BOX (row), create_date_entry (self, facet, FALSE));
  gtk_box_append (GTK_BOX (row), dash);
  gtk_box_append (GTK_BOX (row), create_date_entry (self, facet, TRUE));
  gtk_box_append (GTK_BOX (box), row);
}

static void
add_facet (KzListFilterBar *self,
           const KzFacet   *facet)
{
  GtkWidget *heading = gtk_label_new (kz_facet_get_label (facet));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 6);
  gtk_box_append (GTK_BOX (self->choices), heading);
  gtk_box_append (GTK_BOX (self->choices), box);

  if (facet->type == KZ_FACET_DATE)
    add_date_facet (self, box, facet);
  else if (facet->type == KZ_FACET_CHOICE)
    for (guint i = 0; i < facet->vocab->n_terms; i++)
      add_choice (self, box, facet, facet->vocab->terms[i].id,
                  kz_vocabulary_get_label (facet->vocab, facet->vocab->terms[i].id));
  else
    {
      g_auto(GStrv) values = kz_list_filter_dup_values (self->filter, facet);

      for (guint i = 0; values[i] != NULL; i++)
        add_choice (self, box, facet, values[i], values[i]);
      if (values[0] == NULL)
        gtk_widget_set_visible (heading, FALSE);
    }
}

static void
rebuild_choices (KzListFilterBar *self)
{
  const KzFacet *facets;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (self->choices)))
    gtk_box_remove (GTK_BOX (self->choices), child);

  facets = kz_list_filter_get_facets (self->filter, &n);
  for (guint i = 0; i < n; i++)
    add_facet (self, &facets[i]);
}

static void
popover_show_cb (KzListFilterBar *self)
{
  rebuild_choices (self);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->save_revealer), FALSE);
}

static void
save_view_cb (KzListFilterBar *self)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->save_revealer), TRUE);
  gtk_widget_grab_focus (self->save_entry);
}

static void
save_entry_changed_cb (KzListFilterBar *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->save_entry))));

  gtk_widget_set_sensitive (self->save_button, *name != '\0' && self->settings != NULL);
}

static void
save_confirm_cb (KzListFilterBar *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->save_entry))));

  if (*name == '\0' || self->settings == NULL)
    return;

  kz_views_add (self->settings, name, self->page,
                kz_list_filter_get_search (self->filter),
                kz_list_filter_get_items (self->filter));
  gtk_editable_set_text (GTK_EDITABLE (self->save_entry), "");
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static GtkWidget *
create_save_box (KzListFilterBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->save_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->save_entry), _("Name of the view"));
  gtk_widget_set_hexpand (self->save_entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the view"), -1);
  g_signal_connect_swapped (self->save_entry, "changed", G_CALLBACK (save_entry_changed_cb), self);
  g_signal_connect_swapped (self->save_entry, "activate", G_CALLBACK (save_confirm_cb), self);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_sensitive (self->save_button, FALSE);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_confirm_cb), self);

  gtk_box_append (GTK_BOX (box), self->save_entry);
  gtk_box_append (GTK_BOX (box), self->save_button);

  self->save_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->save_revealer), box);
  return self->save_revealer;
}

static GtkWidget *
create_popover (KzListFilterBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("Save _View…"));

  self->choices = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->choices);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);

  gtk_widget_add_css_class (save, "flat");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_view_cb), self);

  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), save);
  gtk_box_append (GTK_BOX (box), create_save_box (self));

  self->popover = gtk_popover_new ();
  gtk_widget_add_css_class (self->popover, "filter-popover");
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);

  return self->popover;
}

/* Search */

static void
search_changed_cb (KzListFilterBar *self)
{
  kz_list_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
stop_search_cb (KzListFilterBar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  kz_list_filter_set_search (self->filter, NULL);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_cb (KzListFilterBar *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      kz_list_filter_set_search (self->filter, NULL);
    }
}

static GtkWidget *
create_search_bar (KzListFilterBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  AdwClamp *clamp = ADW_CLAMP (adw_clamp_new ());

  self->entry = gtk_search_entry_new ();
  gtk_widget_set_hexpand (self->entry, TRUE);
  g_object_set (self->entry, "placeholder-text", _("Search the list"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the list"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (stop_search_cb), self);

  self->filter_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->filter_button), "kz-filter-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->filter_button), create_popover (self));
  set_tooltip_and_label (self->filter_button, _("Filter"));

  gtk_box_append (GTK_BOX (box), self->entry);
  gtk_box_append (GTK_BOX (box), self->filter_button);
  adw_clamp_set_maximum_size (clamp, 720);
  adw_clamp_set_child (clamp, box);

  self->search_bar = GTK_SEARCH_BAR (gtk_search_bar_new ());
  gtk_search_bar_set_child (self->search_bar, GTK_WIDGET (clamp));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->entry));
  gtk_search_bar_set_show_close_button (self->search_bar, FALSE);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_cb), self);

  return GTK_WIDGET (self->search_bar);
}

static GtkWidget *
create_chips_box (KzListFilterBar *self)
{
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear All"));

  self->chips = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->chips, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->chips, 20);
  gtk_flow_box_set_row_spacing (self->chips, 6);
  gtk_flow_box_set_column_spacing (self->chips, 6);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chips), TRUE);
  gtk_widget_set_valign (clear, GTK_ALIGN_START);
  gtk_widget_add_css_class (clear, "flat");
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (clear_all_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chips),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Active Filters"), -1);

  self->chips_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->chips_box, "filter-chips");
  gtk_box_append (GTK_BOX (self->chips_box), GTK_WIDGET (self->chips));
  gtk_box_append (GTK_BOX (self->chips_box), clear);
  gtk_widget_set_visible (self->chips_box, FALSE);

  return self->chips_box;
}

/* GObject */

static void
kz_list_filter_bar_dispose (GObject *object)
{
  KzListFilterBar *self = (KzListFilterBar *)object;
  GtkWidget *child;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_box_remove (GTK_BOX (self), child);

  g_clear_object (&self->filter);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->page, g_free);

  G_OBJECT_CLASS (kz_list_filter_bar_parent_class)->dispose (object);
}

static void
kz_list_filter_bar_class_init (KzListFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kz_list_filter_bar_dispose;
}

static void
kz_list_filter_bar_init (KzListFilterBar *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_append (GTK_BOX (self), create_search_bar (self));
  gtk_box_append (GTK_BOX (self), create_chips_box (self));
}

/* Public API */

GtkWidget *
kz_list_filter_bar_new (KzKind      kind,
                        const char *page)
{
  KzListFilterBar *self;

  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  self = g_object_new (KZ_TYPE_LIST_FILTER_BAR, NULL);
  self->filter = kz_list_filter_new (kind);
  self->page = g_strdup (page);
  g_signal_connect_swapped (self->filter, "state-changed", G_CALLBACK (update_chips), self);

  return GTK_WIDGET (self);
}

KzListFilter *
kz_list_filter_bar_get_filter (KzListFilterBar *self)
{
  g_return_val_if_fail (KZ_IS_LIST_FILTER_BAR (self), NULL);

  return self->filter;
}

void
kz_list_filter_bar_set_settings (KzListFilterBar *self,
                                 GSettings       *settings)
{
  g_return_if_fail (KZ_IS_LIST_FILTER_BAR (self));
  g_return_if_fail (!settings || G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
}

void
kz_list_filter_bar_start_search (KzListFilterBar *self)
{
  g_return_if_fail (KZ_IS_LIST_FILTER_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (self->entry);
}

void
kz_list_filter_bar_apply (KzListFilterBar    *self,
                          const char         *search,
                          const char * const *items)
{
  g_return_if_fail (KZ_IS_LIST_FILTER_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), search ? search : "");
  kz_list_filter_set_search (self->filter, search);
  kz_list_filter_set_items (self->filter, items);
  gtk_search_bar_set_search_mode (self->search_bar,
                                  (search && *search) || (items && items[0]));
}

GtkEditable *
kz_list_filter_bar_get_entry (KzListFilterBar *self)
{
  g_return_val_if_fail (KZ_IS_LIST_FILTER_BAR (self), NULL);

  return GTK_EDITABLE (self->entry);
}
