package write

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// tempFile writes data to a new temporary file in dir with the given mode, synced
// to disk, and returns its name. On error nothing is left behind.
func tempFile(dir string, data []byte, mode fs.FileMode) (name string, err error) {
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return "", err
	}
	if err := f.Chmod(mode); err != nil {
		return "", err
	}
	if err := f.Sync(); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// Atomic replaces file with data through a temporary file in the same folder and a
// rename, so that readers and an interrupted run see the old bytes or the new ones,
// never a mix. A new file's folder is created; an existing file keeps its
// permissions. It is the one file replacement of permgen outside a Plan (gen
// fetch's snapshots and manifest).
func Atomic(file string, data []byte) (err error) {
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(file); err == nil {
		mode = info.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	tmp, err := tempFile(dir, data, mode)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
