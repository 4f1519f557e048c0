//! Which side of a stream failed: the backup crate reads one file and writes another, and its
//! I/O error does not say which, while the person is told which folder to look at.

use std::io::{Read, Write};

/// A reader or writer that remembers whether one of its calls failed.
#[derive(Debug)]
pub(crate) struct Watched<T> {
    inner: T,
    pub(crate) failed: bool,
}

impl<T> Watched<T> {
    pub(crate) fn new(inner: T) -> Self {
        Self {
            inner,
            failed: false,
        }
    }

    pub(crate) fn into_inner(self) -> T {
        self.inner
    }

    fn watch<R>(&mut self, result: std::io::Result<R>) -> std::io::Result<R> {
        self.failed |= result.is_err();
        result
    }
}

impl<R: Read> Read for Watched<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let result = self.inner.read(buffer);
        self.watch(result)
    }
}

impl<W: Write> Write for Watched<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let result = self.inner.write(bytes);
        self.watch(result)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let result = self.inner.flush();
        self.watch(result)
    }
}
