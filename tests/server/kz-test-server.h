/* kz-test-server.h
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

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A real kompetenz-server process for tests: a temporary --data
 * directory (or, with KZ_TEST_BACKEND=postgresql, a fresh database of
 * its own in the PostgreSQL cluster of $KOMPETENZ_TEST_POSTGRES), users made through the command line, the server started
 * on 127.0.0.1 port 0 and stopped with SIGTERM (exit status 0 is
 * asserted), and a libsoup client to talk to it.  The binary is
 * $KZ_SERVER_BINARY. */

typedef struct _KzTestServer KzTestServer;

/* Call after g_test_init(): with KZ_TEST_BACKEND=postgresql but no
 * $KOMPETENZ_TEST_POSTGRES, the test program fails when $CI is set and
 * is skipped otherwise. */
void          kz_test_backend_init           (void);
gboolean      kz_test_backend_is_postgres    (void);

KzTestServer *kz_test_server_new             (void);
/* Another server process (with its own data directory) on the
 * database of @other, which must outlive it. */
KzTestServer *kz_test_server_new_sharing     (KzTestServer        *other);
/* Stops a running server (asserting a clean exit) and removes the data. */
void          kz_test_server_free            (KzTestServer        *self);

const char   *kz_test_server_get_data_dir    (KzTestServer        *self);
/* The --database argument, or NULL when the server uses --data. */
const char   *kz_test_server_get_database    (KzTestServer        *self);
const char   *kz_test_server_get_url         (KzTestServer        *self);
GPid          kz_test_server_get_pid         (KzTestServer        *self);

/* Runs "kompetenz-server --data DIR ARGS…" (or --database URI) with @input on standard
 * input; returns its exit status.  @out and @err may be NULL. */
int           kz_test_server_run_cli         (KzTestServer        *self,
                                              const char          *input,
                                              char               **out,
                                              char               **err,
                                              const char          *first_arg,
                                              ...) G_GNUC_NULL_TERMINATED;
void          kz_test_server_add_user        (KzTestServer        *self,
                                              const char          *name,
                                              const char          *role,
                                              const char          *password);

/* Starts the server with --listen 127.0.0.1:0 and @extra_args (NULL
 * for none), and reads the "listening on" line. */
void          kz_test_server_start           (KzTestServer        *self,
                                              const char * const  *extra_args);
/* SIGTERM; asserts exit status 0. */
void          kz_test_server_stop            (KzTestServer        *self);
/* SIGKILL, as in a crash. */
void          kz_test_server_kill            (KzTestServer        *self);

/* Client side.  Requests on HTTPS accept exactly this certificate. */
void          kz_test_server_trust           (KzTestServer        *self,
                                              GTlsCertificate     *certificate);
SoupSession  *kz_test_server_get_session     (KzTestServer        *self);
/* Sends a request and parses the answer; *status gets the HTTP status.
 * @token and @body may be NULL. */
JsonNode     *kz_test_server_request         (KzTestServer        *self,
                                              const char          *method,
                                              const char          *path,
                                              const char          *token,
                                              const char          *body,
                                              guint               *status);
/* Logs in and asserts success; returns the token. */
char         *kz_test_server_login           (KzTestServer        *self,
                                              const char          *name,
                                              const char          *password);

/* The error code of an error answer ("bad_request", …), or NULL. */
const char   *kz_test_error_code             (JsonNode            *answer);
const char   *kz_test_error_message          (JsonNode            *answer);

/* Protocol messages.  Each change gets a fresh change_id; @value NULL
 * is JSON null. */
char         *kz_test_field_change           (const char          *kind,
                                              const char          *uuid,
                                              const char          *field,
                                              const char          *value,
                                              gint64               base);
char         *kz_test_link_change            (const char          *link,
                                              const char          *a,
                                              const char          *b,
                                              gboolean             deleted);
/* {"changes": [CHANGE, …]} from JSON texts of changes. */
char         *kz_test_batch                  (const char          *first_change,
                                              ...) G_GNUC_NULL_TERMINATED;
JsonNode     *kz_test_server_push            (KzTestServer        *self,
                                              const char          *token,
                                              const char          *batch,
                                              guint               *status);
/* One page; asserts status 200. */
JsonNode     *kz_test_server_pull            (KzTestServer        *self,
                                              const char          *token,
                                              gint64               since,
                                              guint                limit);
JsonObject   *kz_test_find_record            (JsonNode            *page,
                                              const char          *uuid);
/* NULL for a null or missing field. */
const char   *kz_test_field_value            (JsonObject          *record,
                                              const char          *field);
gint64        kz_test_field_version          (JsonObject          *record,
                                              const char          *field);
JsonObject   *kz_test_result                 (JsonNode            *answer,
                                              guint                index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzTestServer, kz_test_server_free)

G_END_DECLS
