package awsperm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
)

// noNetwork is an HTTP client that fails the test's call if anything is sent.
type noNetwork struct{ sent int }

func (n *noNetwork) Do(r *http.Request) (*http.Response, error) {
	n.sent++
	return nil, errors.New("the dry run sent " + r.URL.String())
}

// logs keeps what the SDK logs.
type logs struct {
	mu    sync.Mutex
	lines []string
}

func (l *logs) Logf(c logging.Classification, format string, v ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, string(c)+" "+fmt.Sprintf(format, v...))
}

// A dry run on the normal HTTPS endpoint, with the SDK's default checksums (a
// trailing CRC on PutObject's streamed body, response validation on GetObject):
// every call succeeds locally, nothing is sent, nothing is logged (issue 17, item 5).
func TestDryRunHTTPSDefaultChecksums(t *testing.T) {
	hermetic(t)
	t.Setenv("AWS_CA_BUNDLE", "")
	for _, load := range []string{"aws.Config", "LoadDefaultConfig"} {
		t.Run(load, func(t *testing.T) { dryRunHTTPS(t, load == "LoadDefaultConfig") })
	}
}

func dryRunHTTPS(t *testing.T, loadDefault bool) {
	var net noNetwork
	var l logs
	rec := NewRecorder(Account(testAccount), DryRun())
	cfg := aws.Config{
		Region:      "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		HTTPClient:  &net,
		Logger:      &l,
		APIOptions:  []func(*middleware.Stack) error{rec.APIOption()},
	}
	if loadDefault {
		var err error
		cfg, err = config.LoadDefaultConfig(context.Background(), WithRecorder(rec), config.WithRegion("us-east-1"),
			config.WithHTTPClient(&net), config.WithLogger(&l))
		if err != nil {
			t.Fatal(err)
		}
	}
	c := s3.NewFromConfig(cfg)
	ctx := context.Background()
	for name, call := range map[string]func() error{
		"PutObject, seekable body": func() error {
			_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("photos"), Key: aws.String("a.txt"), Body: strings.NewReader("hello")})
			return err
		},
		"PutObject, streamed body": func() error {
			_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("photos"), Key: aws.String("b.txt"),
				Body: io.NopCloser(strings.NewReader("hello")), ContentLength: aws.Int64(5)})
			return err
		},
		"PutObject, length unknown": func() error {
			_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("photos"), Key: aws.String("c.txt"),
				Body: io.MultiReader(strings.NewReader("hel"), strings.NewReader("lo"))})
			return err
		},
		"GetObject, checksum mode": func() error {
			out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("a.txt"), ChecksumMode: "ENABLED"})
			if err == nil {
				_, err = io.ReadAll(out.Body)
			}
			return err
		},
		"GetObject": func() error {
			out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("a.txt")})
			if err == nil {
				_, err = io.ReadAll(out.Body)
			}
			return err
		},
	} {
		if err := call(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if net.sent != 0 {
		t.Errorf("%d requests sent", net.sent)
	}
	if len(l.lines) > 0 {
		t.Errorf("the SDK logged:\n%s", strings.Join(l.lines, "\n"))
	}
	if got := len(rec.Grants()); got != 4 {
		t.Errorf("grants %v", rec.Grants())
	}
}
