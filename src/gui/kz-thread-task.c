/* kz-thread-task.c
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

#include "config.h"

#include "kz-thread-task.h"

/* A task run with g_task_run_in_thread() is finalised on the worker
 * thread whenever the worker happens to drop its reference last, and
 * then releases its source object and its data there.  The app's tasks
 * have widgets as source objects (and some hold widgets in their data),
 * which must never be finalised off the main thread: closing a window
 * while a report is written, or a test tearing its window down right
 * after a task completed, would otherwise crash now and then.
 *
 * kz_thread_task_run() runs @worker for @task through an inner task
 * that owns nothing but a small record: the worker thread never holds a
 * reference to @task, so its source object and data are released on
 * the main thread.  @worker is called as with g_task_run_in_thread()
 * and returns its result on @task, which may be done from any thread. */

typedef struct
{
  GTask           *outer;    /* kept alive by the inner task's callback */
  GTaskThreadFunc  worker;
} Job;

static void
job_worker (GTask        *inner,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GTask *outer = job->outer;

  job->worker (outer, g_task_get_source_object (outer), g_task_get_task_data (outer),
               g_task_get_cancellable (outer));
  g_task_return_boolean (inner, TRUE);
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *outer = user_data;

  /* On the main thread: the last reference to @outer may go here. */
  g_object_unref (outer);
}

void
kz_thread_task_run (GTask           *task,
                    GTaskThreadFunc  worker)
{
  g_autoptr(GTask) inner = NULL;
  Job *job;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (worker != NULL);

  job = g_new0 (Job, 1);
  job->outer = task;
  job->worker = worker;

  inner = g_task_new (NULL, NULL, job_done_cb, g_object_ref (task));
  g_task_set_source_tag (inner, kz_thread_task_run);
  g_task_set_task_data (inner, job, g_free);
  g_task_run_in_thread (inner, job_worker);
}
