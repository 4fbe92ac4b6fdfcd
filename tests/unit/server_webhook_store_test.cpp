// The webhook queue in the store (store/webhook_store.h): a due event is claimed by one
// worker at a time and only when due, its attempts are numbered and pruned to the latest
// per workspace, and removing the webhook drops what is still pending.
#include "server_test_support.h"
#include "services/webhook_events.h"
#include "store/webhook_store.h"

using namespace hawzu::server;
using hawzu::server::testing::TestDatabase;
using hawzu::server::testing::WorkspaceFixture;

namespace {

struct QueueFixture {
  TestDatabase test;
  WorkspaceFixture workspace{*test.database};

  QueueFixture() {
    Database::Lease connection = test.database->connect();
    WebhookSave save;
    save.workspace_id = workspace.workspace_id;
    save.url = "https://hooks.example.com/in";
    save.events = {"access_token.revoked"};
    save.secret_sealed = {1, 2, 3};
    save.saved_by = workspace.user_id;
    save.now = 1000;
    WebhookStore(*connection).save(save);
  }

  std::string queue_test(std::int64_t now) {
    Database::Lease connection = test.database->connect();
    return queue_test_webhook_event(*connection, now, workspace.workspace_id);
  }
};

}  // namespace

TEST_CASE("webhook queue: a due event is claimed once until released, and not before it is due") {
  QueueFixture fixture;
  const std::string id = fixture.queue_test(2000);
  Database::Lease connection = fixture.test.database->connect();
  WebhookStore webhooks(*connection);
  CHECK_FALSE(webhooks.any_due(1999));
  CHECK_FALSE(webhooks.claim_due(1999, 2100));  // not due yet
  CHECK(webhooks.any_due(2000));
  std::optional<ClaimedWebhookEvent> claimed = webhooks.claim_due(2000, 2120);
  REQUIRE(claimed);
  CHECK(claimed->event_id == id);
  CHECK(claimed->event == "webhook.test");
  CHECK(claimed->attempts == 0);
  CHECK(claimed->body.find("\"id\":\"" + id + "\"") != std::string::npos);
  CHECK_FALSE(webhooks.claim_due(2001, 2121));  // held by its claimer
  CHECK_FALSE(webhooks.any_due(2001));
  CHECK(webhooks.claim_due(2120, 2240));  // a claimer that died frees it in time

  webhooks.finish_event(claimed->row_id, WebhookEventState::pending, 1, 2030);
  CHECK_FALSE(webhooks.claim_due(2029, 2200));
  std::optional<ClaimedWebhookEvent> again = webhooks.claim_due(2030, 2200);
  REQUIRE(again);
  CHECK(again->attempts == 1);
  webhooks.finish_event(again->row_id, WebhookEventState::delivered, 2, 2030);
  CHECK_FALSE(webhooks.claim_due(99999, 100100));  // delivered: never again
}

TEST_CASE("webhook queue: attempts are kept newest first, the latest `keep` per workspace") {
  QueueFixture fixture;
  fixture.queue_test(2000);
  Database::Lease connection = fixture.test.database->connect();
  WebhookStore webhooks(*connection);
  std::optional<ClaimedWebhookEvent> claimed = webhooks.claim_due(2000, 2100);
  REQUIRE(claimed);
  for (int attempt = 1; attempt <= 7; ++attempt) {
    WebhookAttemptRow row;
    row.event_row = claimed->row_id;
    row.workspace_id = fixture.workspace.workspace_id;
    row.time = 2000 + attempt;
    row.url = "https://hooks.example.com/in";
    if (attempt % 2)
      row.status_code = 500;
    else
      row.error = "Connection";
    row.attempt = attempt;
    row.next_attempt_at = attempt < 7 ? std::optional<std::int64_t>(3000 + attempt) : std::nullopt;
    webhooks.record_attempt(row, 5);
  }
  std::vector<WebhookDeliveryRow> rows = webhooks.deliveries(fixture.workspace.workspace_id, 100);
  REQUIRE(rows.size() == 5);
  CHECK(rows.front().attempt.attempt == 7);
  CHECK(rows.back().attempt.attempt == 3);
  CHECK(rows.front().attempt.status_code == 500);
  CHECK_FALSE(rows.front().attempt.next_attempt_at);
  CHECK(rows[1].attempt.error == std::optional<std::string>("Connection"));
  CHECK_FALSE(rows[1].attempt.status_code);
  CHECK(rows[1].attempt.next_attempt_at == 3006);
  CHECK(webhooks.deliveries(fixture.workspace.workspace_id, 2).size() == 2);
}

TEST_CASE("webhook queue: removing the webhook drops its pending events, not the sent ones") {
  QueueFixture fixture;
  fixture.queue_test(2000);
  fixture.queue_test(2001);
  Database::Lease connection = fixture.test.database->connect();
  WebhookStore webhooks(*connection);
  std::optional<ClaimedWebhookEvent> sent = webhooks.claim_due(2000, 2100);
  REQUIRE(sent);
  webhooks.finish_event(sent->row_id, WebhookEventState::delivered, 1, 2000);
  CHECK(webhooks.remove(fixture.workspace.workspace_id));
  CHECK_FALSE(webhooks.find(fixture.workspace.workspace_id));
  CHECK_FALSE(webhooks.claim_due(99999, 100100));
  Statement count = connection->prepare("SELECT count(*) FROM webhook_events");
  REQUIRE(count.step());
  CHECK(count.column_int64(0) == 1);
  CHECK_FALSE(webhooks.remove(fixture.workspace.workspace_id));
}
