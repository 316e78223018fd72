/**
 * Root-key rotation on AWS Secrets Manager: a versioned secret store on staging labels and client
 * request tokens, and an adapter that runs as a Secrets Manager rotation function.
 */
module dev.keyward.aws {
  requires transitive dev.keyward.core;
  requires transitive software.amazon.awssdk.services.secretsmanager;
  requires software.amazon.awssdk.core;
  requires software.amazon.awssdk.awscore;
  requires software.amazon.awssdk.http.urlconnection;
  requires static org.jspecify;

  exports dev.keyward.aws;
}
