// Package hostile holds the tests that feed permgen pages whose text is hostile to
// generated Go: comment and string terminators, newlines followed by code, NUL,
// line and paragraph separators, bidirectional overrides, byte order marks, invalid
// UTF-8, directives and very long cells. The tests check that such text stays data:
// the output compiles, declares exactly what the model holds, and gives the text
// back unchanged (after resolve.Text) through the generated API.
//
// What the HTML parser does before permgen sees the text is part of the contract
// tested here: a raw NUL in a cell is dropped by the parser (HTML5 "in body" rules)
// and "&#0;" becomes U+FFFD; invalid UTF-8 passes the parser and becomes one U+FFFD
// per bad byte in resolve.Text, so generated code never holds invalid UTF-8. U+2028
// and U+2029 are white space to resolve.Text and fold to one space like a newline.
package hostile
