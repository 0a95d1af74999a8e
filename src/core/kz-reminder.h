/* kz-reminder.h
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

#include <gio/gio.h>

#include "kz-store.h"

G_BEGIN_DECLS

/* Reminders of dated things: call deadlines, milestones, registration
 * deadlines of trainings and follow-up tasks.  Each is announced once
 * when it comes within its lead time and once more when it is overdue;
 * what was announced is kept in a small state file, so that a restart
 * does not announce it again. */

typedef enum
{
  KZ_REMINDER_DEADLINE,       /* call deadline of a funding programme */
  KZ_REMINDER_MILESTONE,
  KZ_REMINDER_REGISTRATION,   /* registration deadline of a training */
  KZ_REMINDER_TASK,           /* follow-up task of a visit */
  KZ_REMINDER_N_SOURCES
} KzReminderSource;

typedef enum
{
  KZ_REMINDER_STAGE_SOON,     /* within the lead time, not yet past */
  KZ_REMINDER_STAGE_OVERDUE,  /* the date has passed */
} KzReminderStage;

typedef struct
{
  KzReminderSource  source;
  KzKind            kind;       /* of the record to open */
  char             *uuid;
  char             *title;
  char             *context;    /* programme, project or visit title; may be NULL */
  char             *due;        /* YYYY-MM-DD */
} KzReminderItem;

void              kz_reminder_item_free     (KzReminderItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzReminderItem, kz_reminder_item_free)

/* The settings key of @source's lead time ("reminder-days-deadline", …). */
const char       *kz_reminder_source_get_key   (KzReminderSource source);
/* Translated, e.g. "Call deadline". */
const char       *kz_reminder_source_get_label (KzReminderSource source);

/* Every open dated item of the portfolio: deadlines, milestones and
 * tasks not done, registration deadlines of planned or open trainings.
 * Sorted by date. */
GPtrArray        *kz_reminder_collect       (KzStore        *store,
                                             GError        **error);

/* The same on a worker thread (the store serialises its access). */
void              kz_reminder_collect_async  (KzStore             *store,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray        *kz_reminder_collect_finish (KzStore             *store,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Whole days from @today to @item's date (negative when overdue). */
int               kz_reminder_item_days_left (const KzReminderItem *item,
                                              GDate               *today);

/* The items due within @days of @today or overdue, in date order (a
 * new array sharing @items' elements). */
GPtrArray        *kz_reminder_filter_due    (GPtrArray      *items,
                                             GDate          *today,
                                             guint           days);

/* Returns the current local time; tests give a fixed one. */
typedef GDateTime *(*KzClockFunc) (gpointer user_data);

typedef struct
{
  KzReminderItem  *item;   /* borrowed from the polled array */
  KzReminderStage  stage;
} KzReminderNotice;

#define KZ_TYPE_REMINDER_SCHEDULER (kz_reminder_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (KzReminderScheduler, kz_reminder_scheduler, KZ, REMINDER_SCHEDULER, GObject)

/* @state_path: file remembering what was announced (created when
 * needed); NULL keeps it in memory only. */
KzReminderScheduler *kz_reminder_scheduler_new        (const char          *state_path);
/* Replaces the clock (by default the local time). */
void              kz_reminder_scheduler_set_clock     (KzReminderScheduler *self,
                                                       KzClockFunc          clock,
                                                       gpointer             user_data);
/* Lead time of @source in days; 0 announces on the day itself only. */
void              kz_reminder_scheduler_set_lead_days (KzReminderScheduler *self,
                                                       KzReminderSource     source,
                                                       guint                days);
guint             kz_reminder_scheduler_get_lead_days (KzReminderScheduler *self,
                                                       KzReminderSource     source);
/* Today by the scheduler's clock. */
void              kz_reminder_scheduler_get_today     (KzReminderScheduler *self,
                                                       GDate               *today);
/* What to announce now among @items, as KzReminderNotice structs (free
 * with g_free via the array); marks them announced and saves the state.
 * An item is announced at most once per stage and date: if its date
 * moves, it is announced again. */
GArray           *kz_reminder_scheduler_poll          (KzReminderScheduler *self,
                                                       GPtrArray           *items,
                                                       GError             **error);

G_END_DECLS
