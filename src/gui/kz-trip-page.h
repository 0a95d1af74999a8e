/* kz-trip-page.h
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

#define KZ_TYPE_TRIP_PAGE (kz_trip_page_get_type ())

G_DECLARE_FINAL_TYPE (KzTripPage, kz_trip_page, KZ, TRIP_PAGE, AdwBin)

/* "In the Field": the organisations of the current trip, made available
 * offline with "Prepare Trip…" (a sync round when signed in), each
 * opening its visit page.  Property "subtitle" for the window title.
 * Actions: "trip.prepare", "trip.end", "trip.back". */
GtkWidget  *kz_trip_page_new            (KzContext     *context,
                                         KzUndoManager *undo_manager);
/* Opens the visit page of @organisation (added to the trip if needed). */
void        kz_trip_page_start_visit    (KzTripPage    *self,
                                         const char    *organisation);
/* Sets the trip's organisations and, with sync set up, fetches the
 * latest changes. */
void        kz_trip_page_set_trip       (KzTripPage    *self,
                                         const char * const *organisations);
/* The visit page shown, or NULL on the trip list. */
GtkWidget  *kz_trip_page_get_visit_page (KzTripPage    *self);

G_END_DECLS
