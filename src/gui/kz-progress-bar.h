/* kz-progress-bar.h
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

G_BEGIN_DECLS

#define KZ_TYPE_PROGRESS_BAR (kz_progress_bar_get_type ())

G_DECLARE_FINAL_TYPE (KzProgressBar, kz_progress_bar, KZ, PROGRESS_BAR, AdwBin)

/* An inline bar at the bottom of a window for one long operation at a
 * time (export, report, backup, restore): what is being done, how far
 * it is, and a Cancel button.  Not modal: the window stays usable. */

/* The bar of @window, added below its content on first use. */
KzProgressBar *kz_progress_bar_get_for_window (AdwApplicationWindow *window);

/* Shows the bar for a new operation titled @title.  Returns the
 * operation's cancellable (owned by the bar until kz_progress_bar_end()),
 * or NULL when another operation is still running. */
GCancellable  *kz_progress_bar_begin          (KzProgressBar        *self,
                                               const char           *title);
gboolean       kz_progress_bar_is_busy        (KzProgressBar        *self);
/* Main thread only. */
void           kz_progress_bar_update         (KzProgressBar        *self,
                                               const char           *message,
                                               double                fraction);
/* A KzProgressFunc for worker threads; @user_data is the bar (keep a
 * reference while the worker runs).  Updates reach the bar through the
 * main loop. */
void           kz_progress_bar_report         (const char           *message,
                                               double                fraction,
                                               gpointer              user_data);
/* Cancels the running operation, as the Cancel button does. */
void           kz_progress_bar_cancel         (KzProgressBar        *self);
/* Hides the bar once the operation finished, failed or was cancelled. */
void           kz_progress_bar_end            (KzProgressBar        *self);

G_END_DECLS
