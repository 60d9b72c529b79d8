package awsperm

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"io"
	"net/http"
	"strings"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// dryRun answers every request locally with an empty success, at the bottom of the
// Deserialize step: the SDK's own deserializer still runs, so the caller gets the
// operation's typed (empty) output, and nothing reaches the network.
//
// It reads the request body to its end as a transport would: the SDK's default
// checksums (a CRC trailer computed while an S3 PutObject body streams out over
// HTTPS) are only known then, and the SDK asks for them afterwards. The answer
// carries the CRC32 of its own body, so that response validation (GetObject)
// finds a checksum and has nothing to say.
type dryRun struct{}

func (dryRun) ID() string { return "permgen/awsperm/dry-run" }

func (dryRun) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, _ middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
	body, ctype := "", ""
	if req, ok := in.Request.(*smithyhttp.Request); ok {
		if st := req.GetStream(); st != nil {
			if _, err := io.Copy(io.Discard, st); err != nil {
				return middleware.DeserializeOutput{}, middleware.Metadata{}, err
			}
		}
		ct := req.Header.Get("Content-Type")
		switch {
		case strings.Contains(ct, "json"):
			body, ctype = "{}", ct
		case strings.HasPrefix(ct, "application/x-www-form-urlencoded"):
			// The query protocol (IAM, STS): <OpResponse><OpResult/></OpResponse>.
			op := awsmiddleware.GetOperationName(ctx)
			body = "<" + op + "Response><" + op + "Result></" + op + "Result></" + op + "Response>"
			ctype = "text/xml"
		}
	}
	resp := &http.Response{
		StatusCode:    200,
		Status:        "200 OK",
		Header:        http.Header{},
		Body:          io.NopCloser(strings.NewReader(body)),
		ContentLength: int64(len(body)),
	}
	if ctype != "" {
		resp.Header.Set("Content-Type", ctype)
	}
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], crc32.ChecksumIEEE([]byte(body)))
	resp.Header.Set("X-Amz-Checksum-Crc32", base64.StdEncoding.EncodeToString(sum[:]))
	return middleware.DeserializeOutput{RawResponse: &smithyhttp.Response{Response: resp}}, middleware.Metadata{}, nil
}

func addDryRun(stack *middleware.Stack) error {
	if _, ok := stack.Deserialize.Get(dryRun{}.ID()); ok {
		return nil
	}
	return stack.Deserialize.Add(dryRun{}, middleware.After)
}
