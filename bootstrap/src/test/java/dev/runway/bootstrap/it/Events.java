package dev.runway.bootstrap.it;

/** Events as the AWS services send them, in the shape AWS documents. */
final class Events {

    /** API Gateway HTTP API, payload format 2.0: {@code GET /hello?name=Ada}. */
    static final String HTTP_API_GET_HELLO = """
            {
              "version": "2.0",
              "routeKey": "GET /hello",
              "rawPath": "/hello",
              "rawQueryString": "name=Ada",
              "cookies": ["session=abc"],
              "headers": {"accept": "application/json", "host": "api.example.com", "user-agent": "curl/8.5.0"},
              "queryStringParameters": {"name": "Ada"},
              "requestContext": {
                "accountId": "123456789012",
                "apiId": "api-id",
                "domainName": "api.example.com",
                "domainPrefix": "api",
                "http": {
                  "method": "GET",
                  "path": "/hello",
                  "protocol": "HTTP/1.1",
                  "sourceIp": "192.0.2.1",
                  "userAgent": "curl/8.5.0"
                },
                "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
                "routeKey": "GET /hello",
                "stage": "$default",
                "time": "21/Nov/2026:06:00:00 +0000",
                "timeEpoch": 1795327200000
              },
              "isBase64Encoded": false
            }
            """;

    /** SQS, two messages; the second one's body makes the sample fail it. */
    static final String SQS_TWO_MESSAGES_ONE_BAD = """
            {
              "Records": [
                {
                  "messageId": "059f36b4-87a3-44ab-83d2-661975830a7d",
                  "receiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
                  "body": "order 1",
                  "attributes": {
                    "ApproximateReceiveCount": "1",
                    "SentTimestamp": "1545082649183",
                    "SenderId": "AIDAIENQZJOLO23YVJ4VO",
                    "ApproximateFirstReceiveTimestamp": "1545082649185"
                  },
                  "messageAttributes": {},
                  "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3",
                  "eventSource": "aws:sqs",
                  "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:orders",
                  "awsRegion": "us-east-1"
                },
                {
                  "messageId": "2e1424d4-f796-459a-8184-9c92662be6da",
                  "receiptHandle": "AQEBzWwaftRI0KuVm4tP+/7q1rGgNqicHq",
                  "body": "fail: order 2",
                  "attributes": {
                    "ApproximateReceiveCount": "3",
                    "SentTimestamp": "1545082650636",
                    "SenderId": "AIDAIENQZJOLO23YVJ4VO",
                    "ApproximateFirstReceiveTimestamp": "1545082650649"
                  },
                  "messageAttributes": {},
                  "md5OfBody": "0b2c6cde9a1b4a9d6f0f1f6e3d2c7a11",
                  "eventSource": "aws:sqs",
                  "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:orders",
                  "awsRegion": "us-east-1"
                }
              ]
            }
            """;

    private Events() {}
}
