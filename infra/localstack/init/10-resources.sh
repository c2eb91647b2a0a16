#!/bin/bash
# LocalStack ready hook: the DynamoDB tables and the S3 bucket of Integra Monitor, declared as in
# template.yaml (key design: SubmissionTables.java): same keys, indexes, billing mode and TTL. Names are
# LocalSystem's defaults. Left out on purpose: SSE (KMS is not among the emulated services), point-in-time
# recovery and the Retain policies, which protect data on AWS only. Idempotent: anything that already
# exists is left as it is.
set -euo pipefail

export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-eu-north-1}"
SUBMISSIONS_TABLE=integra-submissions
FREE_TEXT_TABLE=integra-submission-free-text
MONITORING_TABLE=integra-monitoring
SNAPSHOT_BUCKET=integra-snapshots
# the aggregation's state (summaries/), private, apart from the published snapshots
SUMMARY_BUCKET=integra-summaries

table_exists() {
  awslocal dynamodb describe-table --table-name "$1" >/dev/null 2>&1
}

if table_exists "$SUBMISSIONS_TABLE"; then
  echo "table $SUBMISSIONS_TABLE exists"
else
  awslocal dynamodb create-table \
    --table-name "$SUBMISSIONS_TABLE" \
    --billing-mode PAY_PER_REQUEST \
    --attribute-definitions \
      AttributeName=submissionId,AttributeType=S \
      AttributeName=municipality,AttributeType=S \
      AttributeName=receivedDate,AttributeType=S \
      AttributeName=pilotVersion,AttributeType=S \
      AttributeName=pilotReceivedDate,AttributeType=S \
    --key-schema AttributeName=submissionId,KeyType=HASH \
    --global-secondary-indexes '[
      {"IndexName": "byMunicipality",
       "KeySchema": [{"AttributeName": "municipality", "KeyType": "HASH"},
                     {"AttributeName": "receivedDate", "KeyType": "RANGE"}],
       "Projection": {"ProjectionType": "ALL"}},
      {"IndexName": "byReceivedDate",
       "KeySchema": [{"AttributeName": "receivedDate", "KeyType": "HASH"},
                     {"AttributeName": "submissionId", "KeyType": "RANGE"}],
       "Projection": {"ProjectionType": "ALL"}},
      {"IndexName": "byPilotVersion",
       "KeySchema": [{"AttributeName": "pilotVersion", "KeyType": "HASH"},
                     {"AttributeName": "pilotReceivedDate", "KeyType": "RANGE"}],
       "Projection": {"ProjectionType": "INCLUDE",
                      "NonKeyAttributes": ["instrumentId", "instrumentVersion", "municipality", "answers", "language"]}}]' \
    >/dev/null
  echo "table $SUBMISSIONS_TABLE created"
fi

if table_exists "$FREE_TEXT_TABLE"; then
  echo "table $FREE_TEXT_TABLE exists"
else
  awslocal dynamodb create-table \
    --table-name "$FREE_TEXT_TABLE" \
    --billing-mode PAY_PER_REQUEST \
    --attribute-definitions AttributeName=submissionId,AttributeType=S \
    --key-schema AttributeName=submissionId,KeyType=HASH \
    >/dev/null
  echo "table $FREE_TEXT_TABLE created"
fi

# Monitoring: one table, pk/sk and the byPeriod index (MonitoringTable.java).
if table_exists "$MONITORING_TABLE"; then
  echo "table $MONITORING_TABLE exists"
else
  awslocal dynamodb create-table \
    --table-name "$MONITORING_TABLE" \
    --billing-mode PAY_PER_REQUEST \
    --attribute-definitions \
      AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=S \
      AttributeName=gsi1pk,AttributeType=S AttributeName=gsi1sk,AttributeType=S \
    --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE \
    --global-secondary-indexes '[
      {"IndexName": "byPeriod",
       "KeySchema": [{"AttributeName": "gsi1pk", "KeyType": "HASH"},
                     {"AttributeName": "gsi1sk", "KeyType": "RANGE"}],
       "Projection": {"ProjectionType": "ALL"}}]' \
    >/dev/null
  echo "table $MONITORING_TABLE created"
fi

awslocal dynamodb wait table-exists --table-name "$SUBMISSIONS_TABLE"
awslocal dynamodb wait table-exists --table-name "$MONITORING_TABLE"
awslocal dynamodb wait table-exists --table-name "$FREE_TEXT_TABLE"

# TTL deletes free text after the retention period (attribute SubmissionTables.EXPIRES_AT).
ttl_status=$(awslocal dynamodb describe-time-to-live --table-name "$FREE_TEXT_TABLE" \
  --query 'TimeToLiveDescription.TimeToLiveStatus' --output text)
if [ "$ttl_status" = "ENABLED" ] || [ "$ttl_status" = "ENABLING" ]; then
  echo "TTL on $FREE_TEXT_TABLE already $ttl_status"
else
  awslocal dynamodb update-time-to-live --table-name "$FREE_TEXT_TABLE" \
    --time-to-live-specification Enabled=true,AttributeName=expiresAt >/dev/null
  echo "TTL on $FREE_TEXT_TABLE enabled (expiresAt)"
fi

for BUCKET in "$SNAPSHOT_BUCKET" "$SUMMARY_BUCKET"; do
  if awslocal s3api head-bucket --bucket "$BUCKET" >/dev/null 2>&1; then
    echo "bucket $BUCKET exists"
  elif [ "$AWS_DEFAULT_REGION" = "us-east-1" ]; then
    awslocal s3api create-bucket --bucket "$BUCKET" >/dev/null
    echo "bucket $BUCKET created"
  else
    awslocal s3api create-bucket --bucket "$BUCKET" \
      --create-bucket-configuration LocationConstraint="$AWS_DEFAULT_REGION" >/dev/null
    echo "bucket $BUCKET created"
  fi
done
