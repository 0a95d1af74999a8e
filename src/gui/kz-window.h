/* kz-window.h
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

#include <adwaita.h>

#include "kz-context.h"
#include "kz-undo-manager.h"

G_BEGIN_DECLS

#define KZ_TYPE_WINDOW (kz_window_get_type ())

G_DECLARE_FINAL_TYPE (KzWindow, kz_window, KZ, WINDOW, AdwApplicationWindow)

/* @context may be NULL when the portfolio could not be opened; then
 * call kz_window_show_error(). */
KzWindow   *kz_window_new              (AdwApplication *application,
                                        KzContext      *context);
KzContext  *kz_window_get_context      (KzWindow       *self);
/* Replaces the portfolio with a page explaining @error. */
void        kz_window_show_error       (KzWindow       *self,
                                        const GError   *error);
/* Shows the page named @name ("overview", "projects", …); FALSE if
 * there is no such page. */
gboolean    kz_window_show_page        (KzWindow       *self,
                                        const char     *name);
const char *kz_window_get_page_name    (KzWindow       *self);
char       *kz_window_get_help_uri     (KzWindow       *self);
void        kz_window_add_toast        (KzWindow       *self,
                                        AdwToast       *toast);
/* Opens the page of a record over the current list; a NULL @uuid
 * opens a new record of @kind.  Returns the record page. */
GtkWidget  *kz_window_show_record      (KzWindow       *self,
                                        KzKind          kind,
                                        const char     *uuid);
/* Closes the pages of the record @uuid, e.g. once it is deleted. */
void        kz_window_close_record     (KzWindow       *self,
                                        const char     *uuid);
KzUndoManager *kz_window_get_undo_manager (KzWindow    *self);

G_END_DECLS
