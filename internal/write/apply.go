package write

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/work"
)

// faultHook lets tests fail one step of Apply ("write", "rename" or
// "remove") at a chosen path, to prove what a failure leaves behind. It is
// nil outside tests.
var faultHook func(step, path string) error

func fault(step, full string) error {
	if faultHook == nil {
		return nil
	}
	return faultHook(step, full)
}

// Apply carries out the plan. It first checks that the tree is still as
// Compare saw it, then writes every new content to a temporary file next to
// its target, and only when all of them are on disk renames them into place,
// so a failure while writing leaves the old tree as it was. Stale files go
// last, followed by the directories their removal left empty (never the
// root). A plan without changes writes nothing.
func (p *Plan) Apply() error {
	if len(p.Changes) == 0 {
		return nil
	}
	if err := p.verify(); err != nil {
		return err
	}
	s := &stage{}
	if err := s.prepare(p); err != nil {
		return errors.Join(err, s.discard())
	}
	if err := s.commit(); err != nil {
		return err
	}
	return p.removeStale()
}

func (p *Plan) full(rel string) string {
	return filepath.Join(p.Root, filepath.FromSlash(rel))
}

// verify refuses a plan the tree has moved away from since Compare, so that
// a user's edit made in between is never overwritten unseen.
func (p *Plan) verify() error {
	var errs []error
	dirs := newDirChecker(p.Root)
	for _, c := range p.Changes {
		full := p.full(c.Path)
		if _, err := dirs.check(path.Dir(c.Path), c.Path); err != nil {
			errs = append(errs, err)
			continue
		}
		info, err := os.Lstat(full)
		if c.Kind == Create {
			if !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, fmt.Errorf("write: %s appeared since the plan was made; run permgen again", full))
			}
			continue
		}
		if err == nil && info.Mode().IsRegular() {
			var cur []byte
			cur, err = os.ReadFile(full)
			if err == nil && bytes.Equal(cur, c.Old) {
				continue
			}
		}
		errs = append(errs, fmt.Errorf("write: %s changed since the plan was made; run permgen again", full))
	}
	return errors.Join(errs...)
}

// stage tracks what Apply has put on disk so far, so that it can be undone.
type stage struct {
	dirs  []string // directories created, parents first
	files []staged
}

type staged struct {
	temp, target string
	change       Change
}

func (s *stage) prepare(p *Plan) error {
	var todo []staged
	for _, c := range p.Changes {
		if c.Kind == Delete {
			continue
		}
		target := p.full(c.Path)
		if err := s.mkdirs(filepath.Dir(target)); err != nil {
			return err
		}
		todo = append(todo, staged{target: target, change: c})
	}
	// Each temporary file is synced before it may be renamed over its target. An
	// fsync waits for the disk, so several run at once: the file system commits
	// them together instead of one journal flush per file.
	errs := make([]error, len(todo))
	work.EachN(prepareWorkers, len(todo), func(i int) {
		if errs[i] = fault("write", todo[i].target); errs[i] == nil {
			todo[i].temp, errs[i] = writeTemp(filepath.Dir(todo[i].target), todo[i].change.New)
		}
	})
	for i, f := range todo {
		if errs[i] == nil {
			s.files = append(s.files, f)
		}
	}
	return errors.Join(errs...)
}

// prepareWorkers bounds the files written and synced at once.
const prepareWorkers = 16

// mkdirs is os.MkdirAll that remembers what it created. Symlinks under the
// root were rejected by Compare and verify, so following them here is safe
// and lets the root itself sit behind one.
func (s *stage) mkdirs(dir string) error {
	info, err := os.Stat(dir)
	if err == nil {
		if !info.IsDir() {
			return fmt.Errorf("write: %s is not a directory", dir)
		}
		return nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("write: %w", err)
	}
	if parent := filepath.Dir(dir); parent != dir {
		if err := s.mkdirs(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		if errors.Is(err, fs.ErrExist) {
			// Someone else made it meanwhile; it is not ours to remove.
			return s.mkdirs(dir)
		}
		return fmt.Errorf("write: %w", err)
	}
	s.dirs = append(s.dirs, dir)
	return nil
}

func writeTemp(dir string, data []byte) (name string, err error) {
	// CreateTemp makes the file 0o600; outputs are ordinary source files.
	name, err = tempFile(dir, data, 0o644)
	if err != nil {
		return "", fmt.Errorf("write: %w", err)
	}
	return name, nil
}

// discard removes every temporary file and every directory prepare made.
func (s *stage) discard() error {
	var errs []error
	for _, f := range s.files {
		if err := os.Remove(f.temp); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("write: cleaning up: %w", err))
		}
	}
	s.files = nil
	for i := len(s.dirs) - 1; i >= 0; i-- {
		if err := os.Remove(s.dirs[i]); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("write: cleaning up: %w", err))
		}
	}
	s.dirs = nil
	return errors.Join(errs...)
}

// commit renames every temporary file over its target. Should a rename
// fail, the ones already done are put back from the old contents the plan
// holds in memory; that undo is best effort, and its failures are reported.
func (s *stage) commit() error {
	for i, f := range s.files {
		err := fault("rename", f.target)
		if err == nil {
			err = os.Rename(f.temp, f.target)
		}
		if err != nil {
			err = fmt.Errorf("write: %w", err)
			done := s.files[:i]
			s.files = s.files[i:]
			return errors.Join(err, undo(done), s.discard())
		}
	}
	syncDirs(s.files)
	return nil
}

func undo(done []staged) error {
	var errs []error
	for _, f := range done {
		if f.change.Kind == Create {
			if err := os.Remove(f.target); err != nil {
				errs = append(errs, fmt.Errorf("write: undoing: %w", err))
			}
			continue
		}
		temp, err := writeTemp(filepath.Dir(f.target), f.change.Old)
		if err == nil {
			err = os.Rename(temp, f.target)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("write: undoing %s: %w", f.target, err))
		}
	}
	return errors.Join(errs...)
}

// syncDirs makes the renames durable. It is best effort: some file systems
// refuse fsync on a directory, and the renames have happened either way.
func syncDirs(files []staged) {
	seen := map[string]bool{}
	for _, f := range files {
		dir := filepath.Dir(f.target)
		if seen[dir] {
			continue
		}
		seen[dir] = true
		if d, err := os.Open(dir); err == nil {
			_ = d.Sync()
			d.Close()
		}
	}
}

// removeStale deletes the files no longer produced, then every directory
// that their removal left empty, deepest first, stopping below the root. A
// directory that still holds anything, a user's file included, stays.
func (p *Plan) removeStale() error {
	var errs []error
	dirs := map[string]bool{}
	for _, c := range p.Changes {
		if c.Kind != Delete {
			continue
		}
		full := p.full(c.Path)
		err := fault("remove", full)
		if err == nil {
			err = os.Remove(full)
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("write: removing stale file: %w", err))
			continue
		}
		for d := path.Dir(c.Path); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	ordered := make([]string, 0, len(dirs))
	for d := range dirs {
		ordered = append(ordered, d)
	}
	sort.Slice(ordered, func(i, j int) bool {
		di, dj := strings.Count(ordered[i], "/"), strings.Count(ordered[j], "/")
		if di != dj {
			return di > dj
		}
		return ordered[i] < ordered[j]
	})
	for _, d := range ordered {
		if err := removeIfEmpty(p.full(d)); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func removeIfEmpty(dir string) error {
	// Only a real directory: removing a symlink that replaced one would
	// delete something permgen never made.
	if info, err := os.Lstat(dir); err != nil || !info.IsDir() {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	_, err = f.Readdirnames(1)
	f.Close()
	if err != io.EOF {
		// Not empty, or not readable: either way not provably ours to remove.
		return nil
	}
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("write: removing empty directory: %w", err)
	}
	return nil
}
