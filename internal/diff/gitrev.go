package diff

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// LoadRevision reads the model as it was at git revision rev of the repository
// holding the sources folder in and the generated tree out (paths in the working
// tree). The snapshots committed in out are preferred: they are what that
// revision's generated code was made from. A revision from before snapshots has its
// sources folder scraped by this permgen instead.
func LoadRevision(rev, in, out string) (Side, error) {
	// Ask the repository that holds out, wherever the command runs from.
	from, err := filepath.Abs(out)
	if err != nil {
		return Side{}, err
	}
	for {
		if info, err := os.Stat(from); err == nil && info.IsDir() {
			break
		}
		if filepath.Dir(from) == from {
			break
		}
		from = filepath.Dir(from)
	}
	top, err := git(from, "rev-parse", "--show-toplevel")
	if err != nil {
		return Side{}, fmt.Errorf("reading a revision needs a git repository: %w", err)
	}
	top = strings.TrimSpace(top)
	// Later commands get the commit's hash, never the name as typed, which could
	// read as an option.
	commit, err := git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return Side{}, fmt.Errorf("%q is not a revision of %s", rev, top)
	}
	commit = strings.TrimSpace(commit)
	relIn, err := inRepo(top, in)
	if err != nil {
		return Side{}, err
	}
	relOut, err := inRepo(top, out)
	if err != nil {
		return Side{}, err
	}
	tmp, err := os.MkdirTemp("", "permgen-diff-")
	if err != nil {
		return Side{}, err
	}
	defer os.RemoveAll(tmp)
	if err := extract(top, commit, tmp, relIn, relOut); err != nil {
		return Side{}, fmt.Errorf("%s: %w", rev, err)
	}
	snap, err := LoadSnapshots(filepath.Join(tmp, relOut))
	if err != nil {
		return Side{}, fmt.Errorf("%s: %w", rev, err)
	}
	if len(snap.Services) > 0 {
		return snap, nil
	}
	if dir := filepath.Join(tmp, relIn); IsSources(dir) {
		scraped, err := LoadSources(dir)
		if err != nil {
			return Side{}, fmt.Errorf("%s: %w", rev, err)
		}
		return scraped, nil
	}
	return Side{}, fmt.Errorf("%s has neither snapshots in %s nor a sources folder %s", rev, relOut, relIn)
}

// inRepo returns p relative to the repository root, slash-separated, as git names it.
func inRepo(top, p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	// The root git prints has its links resolved; so must the path, or a repository
	// under a linked folder (macOS /tmp) seems to hold nothing.
	if real, err := realPath(abs); err == nil {
		abs = real
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the repository %s", p, top)
	}
	return filepath.ToSlash(rel), nil
}

// realPath resolves links in p, or in its nearest existing parent when p itself is
// gone from the working tree.
func realPath(p string) (string, error) {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r, nil
	}
	parent := filepath.Dir(p)
	if parent == p {
		return "", errors.New("no existing parent")
	}
	r, err := realPath(parent)
	if err != nil {
		return "", err
	}
	return filepath.Join(r, filepath.Base(p)), nil
}

// extract writes the files below each path at rev into dir; a path the revision
// does not have is skipped.
func extract(top, rev, dir string, paths ...string) error {
	var present []string
	for _, p := range paths {
		out, err := git(top, "ls-tree", "--name-only", rev, "--", p)
		if err != nil {
			return err
		}
		if strings.TrimSpace(out) != "" {
			present = append(present, p)
		}
	}
	if len(present) == 0 {
		return nil
	}
	cmd := exec.Command("git", append([]string{"-C", top, "archive", "--format=tar", rev, "--"}, present...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	untarErr := untar(stdout, dir)
	// Drain what untar left so that git is not blocked writing, then reap it.
	_, _ = io.Copy(io.Discard, stdout)
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git archive: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return untarErr
}

// untar writes the regular files of the tar stream r below dir. A file already at
// a target (a link included) is replaced, never written through.
func untar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if !filepath.IsLocal(h.Name) {
			return fmt.Errorf("archive: unexpected path %q", h.Name)
		}
		target := filepath.Join(dir, filepath.FromSlash(h.Name))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			data, err := io.ReadAll(tr)
			if err != nil {
				return err
			}
			os.Remove(target)
			if err := os.WriteFile(target, data, 0o644); err != nil {
				return err
			}
		}
		// Links and the pax header git writes carry no model.
	}
}

// git runs git in dir and returns its output.
func git(dir string, args ...string) (string, error) {
	args = append([]string{"-C", dir}, args...)
	cmd := exec.Command("git", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
		}
		return "", fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
	}
	return stdout.String(), nil
}
