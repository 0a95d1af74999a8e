/* kz-window-private.h
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

#pragma once

#include "kz-sync-indicator.h"
#include "kz-views-sidebar.h"
#include "kz-window.h"

G_BEGIN_DECLS

/* The pages of the sidebar; kz-window.c describes them. */
#define KZ_WINDOW_N_PAGES 12

struct _KzWindow
{
  AdwApplicationWindow  parent_instance;

  KzContext            *context;
  GCancellable         *cancellable;
  GBinding             *subtitle_binding;
  GtkLabel             *count_labels[KZ_WINDOW_N_PAGES];
  guint                 page;
  gboolean              show_sidebar;
  gboolean              empty;
  gboolean              counted;
  gboolean              loading_demo;
  KzUndoManager        *undo_manager;
  GBinding             *record_binding;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkListBox           *sidebar_list;
  GtkWidget            *separator;
  GtkWidget            *content;
  GtkWidget            *sidebar_button;
  AdwWindowTitle       *window_title;
  GtkStack             *content_stack;
  GtkStack             *page_stack;
  AdwStatusPage        *welcome_page;
  GtkStack             *welcome_stack;
  GtkSpinner           *demo_spinner;
  AdwStatusPage        *error_page;
  KzSyncIndicator      *sync_indicator;
  GtkWidget            *back_button;
  GtkWidget            *new_button;
  GtkStack             *record_stack;
  GMenu                *undo_section;
  GtkWidget            *find_button;
  GtkWidget            *help_button;
  GtkWidget            *global_search_button;
  KzViewsSidebar       *views_sidebar;
  GtkWidget            *global_search;   /* popover of global_search_button */
};


/* Record pages, undo, trash and privacy actions of the window,
 * implemented in kz-window-records.c on top of the window's API. */
void _kz_window_records_class_init     (GtkWidgetClass *widget_class);
void _kz_window_records_update_actions (KzWindow       *self);
void _kz_window_records_update_menu    (KzWindow       *self,
                                        GMenu          *section);

/* Shared by the window's source files (kz-window.c, kz-window-state.c). */
int  _kz_window_find_page          (const char     *name);
void _kz_window_update_actions     (KzWindow       *self);

/* kz-window-state.c: window size, demo portfolio, sync wiring. */
void _kz_window_state_class_init   (GtkWidgetClass *widget_class);
void _kz_window_save_state         (KzWindow       *self);
void _kz_window_restore_state      (KzWindow       *self);
void _kz_window_setup_sync         (KzWindow       *self);

/* kz-window-help.c: the guide's topic for the page in front. */
void _kz_window_help_class_init    (GtkWidgetClass *widget_class);

G_END_DECLS
